import { getLocale, getTranslations } from 'next-intl/server';

import { CatalogTabs } from '@/components/products/catalog-tabs';
import { CollectionsTable } from '@/components/products/collections-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { SearchForm } from '@/components/shell/search-form';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDate } from '@/lib/format';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { CollectionsList } from './collections.graphql';

/** Collections with their product counts; create, edit and delete with catalog:write. */
export default async function CollectionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
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
      <PageHeader
        title={t('title')}
        description={t('description')}
        extra={<SearchForm query={query} placeholder={t('searchPlaceholder')} />}
      />
      <CatalogTabs canWrite={canWrite} />
      <CollectionsTable
        rows={collections.edges.map(({ node }) => ({ ...node, createdAt: formatDate(node.createdAt, locale) }))}
        canWrite={canWrite}
      />
      <Pager totalCount={collections.totalCount} pageInfo={collections.pageInfo} keep={{ q: query }} />
    </>
  );
}
