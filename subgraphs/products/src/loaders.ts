import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { productsByIds, variantsByIds, variantsByProductIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    productById: rowLoader((ids: readonly string[]) => productsByIds(db, ids), (row) => row.id),
    variantById: rowLoader((ids: readonly string[]) => variantsByIds(db, ids), (row) => row.id),
    variantsByProductId: groupLoader(
      (ids: readonly string[]) => variantsByProductIds(db, ids),
      (row) => row.productId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
