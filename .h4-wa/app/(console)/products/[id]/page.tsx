import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { CatalogTabs } from '@/components/products/catalog-tabs';
import { ProductEditor } from '@/components/products/product-editor';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { ProductEditorLoad } from '../editor.graphql';
import { ProductsChoices } from '../products.graphql';

/** One product in the editor (catalog:read to look, catalog:write to save). */
export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'products')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, choices, t] = await Promise.all([
    request(ProductEditorLoad, { id: decodeURIComponent(id) }),
    request(ProductsChoices, {}),
    getTranslations('productEditor'),
  ]);
  if (!data) return pageFailure(errors);
  if (!data.product) notFound();
  if (!choices.data) return pageFailure(choices.errors);
  const { product } = data;
  const canWrite = can(viewer, 'catalog:write');
  return (
    <>
      <PageHeader title={t('editTitle', { title: product.title })} />
      <CatalogTabs canWrite={canWrite} />
      <ProductEditor
        key={`${product.id}:${product.updatedAt}`}
        product={product}
        limits={data.catalogLimits}
        choices={choices.data}
        storefrontBase={product.storefrontUrl.slice(0, -product.handle.length)}
        canReadCost={can(viewer, 'catalog:read_cost')}
        canWrite={canWrite}
      />
    </>
  );
}
