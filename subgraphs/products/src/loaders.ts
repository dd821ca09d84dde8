// Per-request batch loaders of products.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { allCategories } from './categories.js';
import { collectionsByIds } from './collections.js';
import {
  brandsByIds,
  categoryLinksByProductIds,
  collectionsByProductIds,
  mediaByProductIds,
  productsByHandles,
  productsByIds,
  ratingsByProductIds,
  translationsByProductIds,
  variantsByIds,
  variantsByProductIds,
} from './service.js';
import type { CategoryRow } from './tables.js';

/** The whole category tree, read once per request: it is small and every category field needs it. */
function categoryTree(db: Db) {
  let tree: Promise<{ ordered: CategoryRow[]; byId: Map<string, CategoryRow> }> | undefined;
  return () =>
    (tree ??= allCategories(db).then((ordered) => ({ ordered, byId: new Map(ordered.map((row) => [row.id, row])) })));
}

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    productById: rowLoader((ids: readonly string[]) => productsByIds(db, ids), (row) => row.id),
    productByHandle: rowLoader((handles: readonly string[]) => productsByHandles(db, handles), (row) => row.handle),
    variantById: rowLoader((ids: readonly string[]) => variantsByIds(db, ids), (row) => row.id),
    variantsByProductId: groupLoader((ids: readonly string[]) => variantsByProductIds(db, ids), (row) => row.productId),
    translationsByProductId: groupLoader((ids: readonly string[]) => translationsByProductIds(db, ids), (row) => row.productId),
    mediaByProductId: groupLoader((ids: readonly string[]) => mediaByProductIds(db, ids), (row) => row.productId),
    brandById: rowLoader((ids: readonly string[]) => brandsByIds(db, ids), (row) => row.id),
    categoryIdsByProductId: groupLoader((ids: readonly string[]) => categoryLinksByProductIds(db, ids), (row) => row.productId),
    collectionsByProductId: groupLoader((ids: readonly string[]) => collectionsByProductIds(db, ids), (row) => row.productId),
    collectionById: rowLoader((ids: readonly string[]) => collectionsByIds(db, ids), (row) => row.id),
    ratingByProductId: rowLoader((ids: readonly string[]) => ratingsByProductIds(db, ids), (row) => row.productId),
    categoryTree: categoryTree(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
