import { getTranslations } from 'next-intl/server';

import { CatalogTabs } from '@/components/products/catalog-tabs';
import { ProductEditor } from '@/components/products/product-editor';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { ProductEditorNew } from '../editor.graphql';
import { ProductsChoices } from '../products.graphql';

/** A new product (catalog:write). */
export default async function NewProductPage() {
  const viewer = await getViewer();
  if (!can(viewer, 'catalog:write')) return <Forbidden />;
  const [{ data, errors }, choices, t] = await Promise.all([
    request(ProductEditorNew, {}),
    request(ProductsChoices, {}),
    getTranslations('productEditor'),
  ]);
  if (!data) return pageFailure(errors);
  if (!choices.data) return pageFailure(choices.errors);
  // Any product's URL minus its handle is where the storefront keeps product pages.
  const sample = data.products.edges[0]?.node;
  const storefrontBase = sample ? sample.storefrontUrl.slice(0, -sample.handle.length) : '/products/';
  return (
    <>
      <PageHeader title={t('newTitle')} />
      <CatalogTabs canWrite />
      <ProductEditor
        product={null}
        limits={data.catalogLimits}
        choices={choices.data}
        storefrontBase={storefrontBase}
        canReadCost={can(viewer, 'catalog:read_cost')}
        canWrite
      />
    </>
  );
}
