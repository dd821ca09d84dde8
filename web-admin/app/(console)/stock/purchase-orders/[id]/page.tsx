import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { PurchaseOrderView } from '@/components/stock/purchase-order-view';
import { StockTabs } from '@/components/stock/stock-tabs';
import { allows } from '@/lib/access';
import { formatDateTime, formatMoney } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { hasErrorCode, request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { PurchaseOrderDetail } from '../purchase-orders.graphql';

/** One purchase order with its lines; Order / Receive / Cancel / Close with stock:write. */
export default async function PurchaseOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(PurchaseOrderDetail, { id }),
    getLocale(),
    getTranslations('stock'),
  ]);
  if (!data?.purchaseOrder) {
    if (!errors.length || hasErrorCode(errors, 'NOT_FOUND')) notFound();
    return pageFailure(errors);
  }
  const order = data.purchaseOrder;
  return (
    <>
      <PageHeader title={t('purchaseOrders.detailTitle', { number: order.number })} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <PurchaseOrderView
        order={{
          id: order.id,
          number: order.number,
          supplierName: order.supplier?.name ?? null,
          warehouse: order.warehouse,
          status: order.status,
          total: order.total ? formatMoney(order.total, locale) : '—',
          createdAt: formatDateTime(order.createdAt, locale, shop),
          lines: order.lines.map((line) => ({
            id: line.id,
            variant: line.variant,
            quantityOrdered: line.quantityOrdered,
            quantityReceived: line.quantityReceived,
            unitCost: line.unitCost ? formatMoney(line.unitCost, locale) : '—',
            lotCodes: [...new Set(line.receipts.flatMap((receipt) => (receipt.lotCode ? [receipt.lotCode] : [])))],
          })),
        }}
        canWrite={can(viewer, 'stock:write')}
      />
    </>
  );
}
