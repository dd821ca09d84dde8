import { getLocale, getTranslations } from 'next-intl/server';

import { ProductsTable, type ProductRow } from '@/components/products/products-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { SearchForm } from '@/components/shell/search-form';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { isForbidden, request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { ProductsList } from './products.graphql';

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'products')) return <Forbidden />;
  const params = await searchParams;
  const query = param(params, 'q');
  const [{ data, errors }, locale, t, tc] = await Promise.all([
    request(ProductsList, { ...pageVariables(params), query }),
    getLocale(),
    getTranslations('products'),
    getTranslations('common'),
  ]);
  if (!data?.products) return pageFailure(errors);
  const { products } = data;
  const rows: ProductRow[] = products.edges.map(({ node }, index) => {
    const first = node.variants[0];
    const costWithheld = isForbidden(errors, ['products', 'edges', index, 'node', 'variants', 0, 'costPrice']);
    return {
      id: node.id,
      title: node.title,
      handle: node.handle,
      status: node.status,
      variantCount: formatNumber(node.variants.length, locale),
      price: first ? formatMoney(first.price, locale) : tc('none'),
      cost: first?.costPrice ? formatMoney(first.costPrice, locale) : costWithheld ? null : tc('none'),
      createdAt: formatDateTime(node.createdAt, locale),
    };
  });
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={<SearchForm query={query} placeholder={t('searchPlaceholder')} />}
      />
      <ProductsTable
        rows={rows}
        emptyText={query ? t('emptySearch', { query }) : t('empty')}
      />
      <Pager totalCount={products.totalCount} pageInfo={products.pageInfo} keep={{ q: query }} />
    </>
  );
}
