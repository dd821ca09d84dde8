import { getLocale, getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { MovementsTable } from '@/components/stock/movements-table';
import { StockTabs } from '@/components/stock/stock-tabs';
import { WarehouseSelectForm } from '@/components/stock/warehouse-select-form';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StockMovementsList } from './movements.graphql';

/** Movement history (the ledger) of one variant: `?variantId=` and optionally `?warehouseId=`. */
export default async function StockMovementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const params = await searchParams;
  const variantId = param(params, 'variantId');
  const warehouseId = param(params, 'warehouseId');
  const t = await getTranslations('stock');
  const header = (
    <>
      <PageHeader title={t('movements.title')} description={t('movements.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
    </>
  );
  if (!variantId) {
    return (
      <>
        {header}
        <MovementsTable rows={[]} emptyText={t('movements.pickVariant')} />
      </>
    );
  }
  const [{ data, errors }, locale] = await Promise.all([
    request(StockMovementsList, { ...pageVariables(params), variantId, warehouseId }),
    getLocale(),
  ]);
  if (!data?.stockMovements) return pageFailure(errors);
  const { stockMovements } = data;
  const rows = stockMovements.edges.map(({ node }) => ({ ...node, createdAt: formatDateTime(node.createdAt, locale, shop) }));
  return (
    <>
      {header}
      <WarehouseSelectForm warehouses={data.warehouses ?? []} value={warehouseId} keep={{ variantId }} />
      <MovementsTable rows={rows} />
      <Pager totalCount={stockMovements.totalCount} pageInfo={stockMovements.pageInfo} keep={{ variantId, warehouseId }} />
    </>
  );
}
