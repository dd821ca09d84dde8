import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { BackToAfterSalesButton } from '@/components/after-sales/after-sales-links';
import { ReturnRequestView } from '@/components/after-sales/return-request-view';
import type { ReturnRequestViewModel } from '@/components/after-sales/return-request-model';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDateTime, formatMoney } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { AfterSalesDetail } from '../after-sales.graphql';

/** One request with the steps the viewer may take: approve or reject, receive, refund, ship a replacement. */
export default async function ReturnRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'afterSales')) return <Forbidden />;
  const { id } = await params;
  const withWarehouses = can(viewer, 'stock:read');
  const [{ data, errors }, locale, t] = await Promise.all([
    request(AfterSalesDetail, { id, withWarehouses }),
    getLocale(),
    getTranslations('afterSales'),
  ]);
  if (!data) return pageFailure(errors);
  const found = data.returnRequest;
  if (!found) notFound();
  const shop = await getShopSettings();
  const warehouses = (data.warehouses ?? []).map((w) => ({ id: w.id, label: `${w.code} · ${w.name}` }));
  const warehouseLabel = (warehouseId: string | null) => (warehouseId ? (warehouses.find((w) => w.id === warehouseId)?.label ?? warehouseId) : null);
  const view: ReturnRequestViewModel = {
    id: found.id,
    number: found.number,
    kind: found.kind,
    status: found.status,
    reasonCode: found.reasonCode,
    openedBy: found.openedBy,
    // Null in the answer when policy withheld it; the view tells "hidden" from "none".
    customerNote: can(viewer, 'members:read_pii') ? (found.customerNote ?? '') : null,
    staffNote: can(viewer, 'orders:read_internal') ? (found.staffNote ?? '') : null,
    refundShipping: found.refundShipping,
    refunded: formatMoney(found.refunded, locale),
    createdAt: formatDateTime(found.createdAt, locale, shop),
    updatedAt: formatDateTime(found.updatedAt, locale, shop),
    order: found.order ? { id: found.order.id, number: found.order.number, shipping: formatMoney(found.order.shipping, locale) } : null,
    lines: found.lines.map((line) => ({
      id: line.id,
      sku: line.orderLine?.sku ?? '',
      title: line.orderLine?.title ?? '',
      unitPrice: line.orderLine ? formatMoney(line.orderLine.unitPrice, locale) : '',
      quantity: line.quantity,
      receivedQuantity: line.receivedQuantity,
      disposition: line.disposition ?? null,
      warehouse: warehouseLabel(line.warehouseId ?? null),
      lotCode: line.lotCode ?? null,
    })),
  };
  return (
    <>
      <PageHeader
        title={t('detail.title', { number: found.number })}
        extra={<BackToAfterSalesButton />}
      />
      <ReturnRequestView request={view} warehouses={warehouses} canWrite={can(viewer, 'orders:write')} canRefund={can(viewer, 'orders:refund')} />
    </>
  );
}
