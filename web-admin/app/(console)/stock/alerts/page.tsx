import { getLocale, getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { LowStockTable } from '@/components/stock/low-stock-table';
import { StockTabs } from '@/components/stock/stock-tabs';
import { WarehouseSelectForm } from '@/components/stock/warehouse-select-form';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StockAlertsList } from './alerts.graphql';

/** Open low-stock alerts (raised once when available falls to the reorder point; cleared on restock). */
export default async function StockAlertsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const params = await searchParams;
  const warehouseId = param(params, 'warehouseId');
  const [{ data, errors }, locale, t] = await Promise.all([
    request(StockAlertsList, { ...pageVariables(params), warehouseId }),
    getLocale(),
    getTranslations('stock'),
  ]);
  if (!data?.lowStock) return pageFailure(errors);
  const { lowStock } = data;
  const rows = lowStock.edges
    .map(({ node }) => node)
    .filter((node) => node.status === 'OPEN')
    .map((node) => ({ ...node, raisedAt: formatDateTime(node.raisedAt, locale, shop) }));
  return (
    <>
      <PageHeader title={t('title')} description={t('alerts.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <WarehouseSelectForm warehouses={data.warehouses ?? []} value={warehouseId} />
      <LowStockTable rows={rows} />
      <Pager totalCount={lowStock.totalCount} pageInfo={lowStock.pageInfo} keep={{ warehouseId }} />
    </>
  );
}
