import { getLocale, getTranslations } from 'next-intl/server';

import { CatalogTabs } from '@/components/products/catalog-tabs';
import { ProductFilters } from '@/components/products/product-filters';
import { ProductListActions } from '@/components/products/product-list-actions';
import { ProductsTable } from '@/components/products/products-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { isForbidden, request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { can, getViewer } from '@/lib/viewer';

import { productRow } from './product-row';
import { exportHref, filterOf, filterValues, isFiltered, isSortKey, keepOf } from './product-list-filter';
import { ProductsChoices, ProductsCollectionLabel, ProductsList } from './products.graphql';

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
  const [{ data, errors }, choices, collection, t, shop] = await Promise.all([
    // Titles in the console's language where the product has a translation.
    request(ProductsList, { ...pageVariables(params), filter, sortKey: sort.key, reverse: sort.reverse, locale }),
    request(ProductsChoices, {}),
    values.collection ? request(ProductsCollectionLabel, { id: values.collection }) : null,
    getTranslations('products'),
    getShopSettings(),
  ]);
  if (!data?.products) return pageFailure(errors);
  if (!choices.data) return pageFailure(choices.errors);
  const { products } = data;
  const rows = mapNodes(products, (node, index) =>
    productRow(node, isForbidden(errors, ['products', 'edges', index, 'node', 'variants', 0, 'costPrice']), locale, shop),
  );
  const filtered = isFiltered(values);
  const keep = keepOf(values, sortParam, sort.reverse);
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
        values={values}
        keep={{ sort: keep.sort ?? null, reverse: keep.reverse ?? null }}
      />
      <ProductsTable
        products={rows}
        keep={keep}
        sort={sort}
        canWrite={canWrite}
        emptyText={values.q ? t('emptySearch', { query: values.q }) : filtered ? t('emptyFilter') : t('empty')}
      />
    </>
  );
}
