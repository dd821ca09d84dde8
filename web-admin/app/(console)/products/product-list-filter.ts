import { productSortKeys, productStatuses, type ProductSortKey, type ProductStatus, type StockStatus } from '@/components/products/catalog-enums';
import type { ProductFilterValues } from '@/components/products/product-filter-values';
import { param, type SearchParams } from '@/lib/connection';

import type { ProductFilter } from './products.graphql';

const isStatus = (value: string): value is ProductStatus => (productStatuses as readonly string[]).includes(value);
export const isSortKey = (value: string | null): value is ProductSortKey =>
  value !== null && (productSortKeys as readonly string[]).includes(value);
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The URL's filter parameters, as the filter bar writes them. */
export function filterValues(params: SearchParams): ProductFilterValues {
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
export function filterOf(values: ProductFilterValues): ProductFilter {
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
export function exportHref(filter: ProductFilter): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) search.set(name, String(text));
  }
  const query = search.toString();
  return query ? `/products/import/export?${query}` : '/products/import/export';
}

/** Whether a filter besides the search is set, to tell "nothing matches" from "no products yet". */
export const isFiltered = (values: ProductFilterValues): boolean =>
  Object.entries(values).some(([name, value]) => name !== 'q' && (Array.isArray(value) ? value.length : value));

/** The parameters that survive paging: the filters (lists comma-joined) and a valid sort. */
export function keepOf(values: ProductFilterValues, sortParam: string | null, reverse: boolean): Record<string, string | null> {
  return {
    ...Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') || null : value])),
    sort: sortParam && isSortKey(sortParam) ? sortParam : null,
    reverse: reverse ? '1' : null,
  };
}
