import { getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { WarehousesTable } from '@/components/stock/warehouses-table';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { StockWarehouses } from './stock.graphql';

export default async function StockPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([
    request(StockWarehouses, {}),
    getTranslations('stock'),
  ]);
  if (!data?.warehouses) return pageFailure(errors);
  const { warehouses } = data;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <WarehousesTable warehouses={warehouses} />
    </>
  );
}
