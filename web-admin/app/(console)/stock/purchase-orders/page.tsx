import { getLocale, getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import type { PurchaseOrderRow } from '@/components/stock/purchase-orders-columns';
import { PurchaseOrdersTable } from '@/components/stock/purchase-orders-table';
import { StockTabs } from '@/components/stock/stock-tabs';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { isPurchaseOrderStatus } from '@/lib/stock';
import { can, getViewer } from '@/lib/viewer';

import { PurchaseOrdersList } from './purchase-orders.graphql';

/** Purchase orders, newest first, filtered by `?status=`. */
export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const params = await searchParams;
  const raw = param(params, 'status');
  const status = isPurchaseOrderStatus(raw) ? raw : null;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(PurchaseOrdersList, { ...pageVariables(params), status: status ? [status] : null }),
    getLocale(),
    getTranslations('stock'),
  ]);
  if (!data?.purchaseOrders) return pageFailure(errors);
  const { purchaseOrders } = data;
  const orders = mapNodes(purchaseOrders, (node): PurchaseOrderRow => ({
    id: node.id,
    number: node.number,
    supplierName: node.supplier?.name ?? null,
    warehouse: node.warehouse,
    status: node.status,
    total: node.total ? formatMoney(node.total, locale) : '—',
    lineCount: node.lines.length,
    createdAt: formatDateTime(node.createdAt, locale, shop),
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('purchaseOrders.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <PurchaseOrdersTable
        orders={orders}
        status={status}
        suppliers={(data.suppliers?.edges ?? []).map(({ node }) => node)}
        warehouses={data.warehouses ?? []}
        canWrite={can(viewer, 'stock:write')}
      />
    </>
  );
}
