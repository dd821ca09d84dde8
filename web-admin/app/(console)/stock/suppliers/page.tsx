import { getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { StockTabs } from '@/components/stock/stock-tabs';
import { SuppliersTable } from '@/components/stock/suppliers-table';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { SuppliersList } from './suppliers.graphql';

/** Suppliers with contact, lead time, currency and the variants they supply at a cost. */
export default async function SuppliersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([
    request(SuppliersList, pageVariables(await searchParams)),
    getTranslations('stock'),
  ]);
  if (!data?.suppliers) return pageFailure(errors);
  const { suppliers } = data;
  return (
    <>
      <PageHeader title={t('title')} description={t('suppliers.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <SuppliersTable suppliers={suppliers} canWrite={can(viewer, 'stock:write')} />
    </>
  );
}
