// Per-request batch loaders of products, with those of categories, collections and reviews.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { createCategoryLoaders } from './categories/loaders.js';
import { createCollectionLoaders } from './collections/loaders.js';
import { createReviewLoaders } from './reviews/loaders.js';
import {
  brandsByIds,
  mediaByProductIds,
  productsByHandles,
  productsByIds,
  translationsByProductIds,
  variantsByIds,
  variantsByProductIds,
} from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    ...createCategoryLoaders(db),
    ...createCollectionLoaders(db),
    ...createReviewLoaders(db),
    productById: rowLoader((ids: readonly string[]) => productsByIds(db, ids), (row) => row.id),
    productByHandle: rowLoader((handles: readonly string[]) => productsByHandles(db, handles), (row) => row.handle),
    variantById: rowLoader((ids: readonly string[]) => variantsByIds(db, ids), (row) => row.id),
    variantsByProductId: groupLoader((ids: readonly string[]) => variantsByProductIds(db, ids), (row) => row.productId),
    translationsByProductId: groupLoader((ids: readonly string[]) => translationsByProductIds(db, ids), (row) => row.productId),
    mediaByProductId: groupLoader((ids: readonly string[]) => mediaByProductIds(db, ids), (row) => row.productId),
    brandById: rowLoader((ids: readonly string[]) => brandsByIds(db, ids), (row) => row.id),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
