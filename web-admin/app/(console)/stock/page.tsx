import { getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { StockFilters } from '@/components/stock/stock-filters';
import { StockLevelsTable } from '@/components/stock/stock-levels-table';
import { StockTabs } from '@/components/stock/stock-tabs';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StockLevelsList } from './stock.graphql';

/** Stock overview: one row per variant × warehouse, filtered by the GET form above it (stock:read). */
export default async function StockPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const params = await searchParams;
  const filter = {
    warehouseId: param(params, 'warehouseId'),
    query: param(params, 'q'),
    lowStockOnly: param(params, 'low') === '1' ? true : null,
  };
  const [{ data, errors }, t] = await Promise.all([
    request(StockLevelsList, { ...pageVariables(params), filter }),
    getTranslations('stock'),
  ]);
  if (!data?.stockLevels) return pageFailure(errors);
  const { stockLevels } = data;
  return (
    <>
      <PageHeader title={t('title')} description={t('overview.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <StockFilters
        warehouses={data.warehouses ?? []}
        values={{ warehouseId: filter.warehouseId, lowStockOnly: !!filter.lowStockOnly }}
      />
      <StockLevelsTable levels={stockLevels} canWrite={can(viewer, 'stock:write')} />
    </>
  );
}
