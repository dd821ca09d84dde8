import { getTranslations } from 'next-intl/server';

import { CatalogTabs } from '@/components/products/catalog-tabs';
import { CategoryTree } from '@/components/products/category-tree';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { CategoriesTree } from './categories.graphql';

/** The category tree: drag-and-drop move, create, rename and delete (catalog:write). */
export default async function CategoriesPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'products')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(CategoriesTree, {}), getTranslations('categories')]);
  if (!data) return pageFailure(errors);
  const canWrite = can(viewer, 'catalog:write');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <CatalogTabs canWrite={canWrite} />
      <CategoryTree categories={data.categories} maxDepth={data.catalogLimits.maxCategoryDepth} canWrite={canWrite} />
    </>
  );
}
