import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/components/shell/page-header';
import { WarehousesTable } from '@/components/stock/warehouses-table';
import { request } from '@/lib/graphql';

import { StockWarehouses } from './stock.graphql';

export default async function StockPage() {
  const [{ warehouses }, t] = await Promise.all([
    request(StockWarehouses, {}),
    getTranslations('stock'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <WarehousesTable warehouses={warehouses} />
    </>
  );
}
