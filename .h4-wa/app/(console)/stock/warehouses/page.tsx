import { getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { StockTabs } from '@/components/stock/stock-tabs';
import { WarehousesTable } from '@/components/stock/warehouses-table';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StockWarehouses } from './warehouses.graphql';

/** The warehouses that hold stock (stock:read). */
export default async function StockWarehousesPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(StockWarehouses, {}), getTranslations('stock')]);
  if (!data?.warehouses) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <WarehousesTable warehouses={data.warehouses} />
    </>
  );
}
