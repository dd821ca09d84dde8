import { getLocale, getTranslations } from 'next-intl/server';

import { ProductsTable, type ProductRow } from '@/components/products/products-table';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { SearchForm } from '@/components/shell/search-form';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { request } from '@/lib/graphql';

import { ProductsList } from './products.graphql';

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = param(params, 'q');
  const [{ products }, locale, t, tc] = await Promise.all([
    request(ProductsList, { ...pageVariables(params), query }),
    getLocale(),
    getTranslations('products'),
    getTranslations('common'),
  ]);
  const rows: ProductRow[] = products.edges.map(({ node }) => ({
    id: node.id,
    title: node.title,
    handle: node.handle,
    status: node.status,
    variantCount: formatNumber(node.variants.length, locale),
    price: node.variants[0] ? formatMoney(node.variants[0].price, locale) : tc('none'),
    createdAt: formatDateTime(node.createdAt, locale),
  }));
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
