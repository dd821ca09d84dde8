// Categories: per-request loaders of the tree and of each product's categories.
import { groupLoader, type Db } from '@shop/kit';
import { allCategories, categoryLinksByProductIds } from './service.js';
import type { CategoryRow } from './tables.js';

/** The whole category tree, read once per request: it is small and every category field needs it. */
function categoryTree(db: Db) {
  let tree: Promise<{ ordered: CategoryRow[]; byId: Map<string, CategoryRow> }> | undefined;
  return () =>
    (tree ??= allCategories(db).then((ordered) => ({ ordered, byId: new Map(ordered.map((row) => [row.id, row])) })));
}

/** Per-request loaders of categories: one query per batch of ids, the tree once. */
export function createCategoryLoaders(db: Db) {
  return {
    categoryIdsByProductId: groupLoader((ids: readonly string[]) => categoryLinksByProductIds(db, ids), (row) => row.productId),
    categoryTree: categoryTree(db),
  };
}
