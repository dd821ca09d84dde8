import { getLocale, getTranslations } from 'next-intl/server';

import { CatalogTabs } from '@/components/products/catalog-tabs';
import { CollectionsTable } from '@/components/products/collections-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDate } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { CollectionsList } from './collections.graphql';

/** Collections with their product counts; create, edit and delete with catalog:write. */
export default async function CollectionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'products')) return <Forbidden />;
  const params = await searchParams;
  const query = param(params, 'q');
  const [{ data, errors }, locale, t] = await Promise.all([
    request(CollectionsList, { ...pageVariables(params), query }),
    getLocale(),
    getTranslations('collections'),
  ]);
  if (!data?.collections) return pageFailure(errors);
  const { collections } = data;
  const canWrite = can(viewer, 'catalog:write');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <CatalogTabs canWrite={canWrite} />
      <CollectionsTable
        collections={mapNodes(collections, (node) => ({ ...node, createdAt: formatDate(node.createdAt, locale, shop) }))}
        canWrite={canWrite}
      />
    </>
  );
}
