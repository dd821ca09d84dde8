import { getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { ReplenishmentTable } from '@/components/stock/replenishment-table';
import { StockTabs } from '@/components/stock/stock-tabs';
import { WarehouseSelectForm } from '@/components/stock/warehouse-select-form';
import { allows } from '@/lib/access';
import { param, type SearchParams } from '@/lib/connection';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { ReplenishmentSuggestions } from './replenishment.graphql';

/** How many suggestions the page asks for (the query is a plain list, not a connection). */
const suggestionLimit = 100;

/** Replenishment suggestions from sales velocity, lead time and safety stock; "Create PO" per supplier. */
export default async function ReplenishmentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const warehouseId = param(await searchParams, 'warehouseId');
  const [{ data, errors }, t] = await Promise.all([
    request(ReplenishmentSuggestions, { warehouseId, first: suggestionLimit }),
    getTranslations('stock'),
  ]);
  if (!data?.replenishmentSuggestions) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('title')} description={t('replenishment.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <WarehouseSelectForm warehouses={data.warehouses ?? []} value={warehouseId} />
      <ReplenishmentTable rows={data.replenishmentSuggestions} canWrite={can(viewer, 'stock:write')} />
    </>
  );
}
