import { getLocale, getTranslations } from 'next-intl/server';

import {
  productSortKeys,
  productStatuses,
  type ProductSortKey,
  type ProductStatus,
  type StockStatus,
} from '@/components/products/catalog-enums';
import { CatalogTabs } from '@/components/products/catalog-tabs';
import type { ProductFilterValues } from '@/components/products/product-filter-values';
import { ProductFilters } from '@/components/products/product-filters';
import { ProductListActions } from '@/components/products/product-list-actions';
import { ProductsTable, type ProductRow } from '@/components/products/products-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { isForbidden, request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { ProductsChoices, ProductsCollectionLabel, ProductsList, type ProductFilter } from './products.graphql';

const isStatus = (value: string): value is ProductStatus => (productStatuses as readonly string[]).includes(value);
const isSortKey = (value: string | null): value is ProductSortKey =>
  value !== null && (productSortKeys as readonly string[]).includes(value);
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The URL's filter parameters, as the filter bar writes them. */
function filterValues(params: SearchParams): ProductFilterValues {
  return {
    q: param(params, 'q'),
    status: (param(params, 'status') ?? '').split(',').filter(isStatus),
    category: param(params, 'category'),
    collection: param(params, 'collection'),
    tag: param(params, 'tag'),
    brand: param(params, 'brand'),
    minPrice: param(params, 'minPrice'),
    maxPrice: param(params, 'maxPrice'),
    stock: param(params, 'stock'),
    from: param(params, 'from'),
    to: param(params, 'to'),
  };
}

/** Days are whole UTC days: `to` includes its day, so the bound is the next midnight. */
function filterOf(values: ProductFilterValues): ProductFilter {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
  const stock = values.stock === 'IN_STOCK' || values.stock === 'OUT_OF_STOCK' ? (values.stock as StockStatus) : null;
  return {
    query: values.q,
    status: values.status.length ? values.status.filter(isStatus) : null,
    categoryId: values.category,
    collectionId: values.collection,
    tag: values.tag,
    brandId: values.brand,
    minPrice: values.minPrice,
    maxPrice: values.maxPrice,
    stockStatus: stock,
    createdAfter: isDate(values.from) ? `${values.from}T00:00:00.000Z` : null,
    createdBefore: isDate(values.to) ? nextDay(values.to) : null,
  };
}

/** The export route (products/import/export) for this filter: ProductFilter's field names, lists comma-joined. */
function exportHref(filter: ProductFilter): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) search.set(name, text);
  }
  const query = search.toString();
  return query ? `/products/import/export?${query}` : '/products/import/export';
}

/** Product list with filter bar, column sort, cursor pages and bulk actions (catalog:read; actions catalog:write). */
export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'products')) return <Forbidden />;
  const params = await searchParams;
  const values = filterValues(params);
  const filter = filterOf(values);
  const sortParam = param(params, 'sort');
  const sort = { key: isSortKey(sortParam) ? sortParam : 'CREATED_AT', reverse: param(params, 'reverse') === '1' } as const;
  const canWrite = can(viewer, 'catalog:write');
  const locale = await getLocale();
  const [{ data, errors }, choices, collection, t] = await Promise.all([
    // Titles in the console's language where the product has a translation.
    request(ProductsList, { ...pageVariables(params), filter, sortKey: sort.key, reverse: sort.reverse, locale }),
    request(ProductsChoices, {}),
    values.collection ? request(ProductsCollectionLabel, { id: values.collection }) : null,
    getTranslations('products'),
  ]);
  if (!data?.products) return pageFailure(errors);
  if (!choices.data) return pageFailure(choices.errors);
  const { products } = data;
  const rows: ProductRow[] = products.edges.map(({ node }, index) => {
    const first = node.variants[0];
    const costWithheld = isForbidden(errors, ['products', 'edges', index, 'node', 'variants', 0, 'costPrice']);
    const range = node.priceRange;
    return {
      id: node.id,
      title: node.title,
      handle: node.handle,
      status: node.status,
      brand: node.brand?.name ?? null,
      variantCount: formatNumber(node.variants.length, locale),
      price: !range
        ? '—'
        : range.min.amount === range.max.amount
          ? formatMoney(range.min, locale)
          : `${formatMoney(range.min, locale)} – ${formatMoney(range.max, locale)}`,
      inStock: node.inStock,
      tags: node.tags,
      cost: first?.costPrice ? formatMoney(first.costPrice, locale) : costWithheld ? null : '—',
      createdAt: formatDateTime(node.createdAt, locale),
    };
  });
  const filtered = Object.entries(values).some(([name, value]) => name !== 'q' && (Array.isArray(value) ? value.length : value));
  const keep: Record<string, string | null> = {
    ...Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') || null : value])),
    sort: sortParam && isSortKey(sortParam) ? sortParam : null,
    reverse: sort.reverse ? '1' : null,
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        extra={<ProductListActions exportHref={exportHref(filter)} canWrite={canWrite} />}
      />
      <CatalogTabs canWrite={canWrite} />
      <ProductFilters
        choices={choices.data}
        collectionLabel={collection?.data?.collection ?? null}
        values={values} keep={{ sort: keep.sort ?? null, reverse: keep.reverse ?? null }} />
      <ProductsTable
        rows={rows}
        sort={sort}
        canWrite={canWrite}
        emptyText={values.q ? t('emptySearch', { query: values.q }) : filtered ? t('emptyFilter') : t('empty')}
      />
      <Pager totalCount={products.totalCount} pageInfo={products.pageInfo} keep={keep} />
    </>
  );
}
