import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { levelsByVariantIds, warehousesByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    warehouseById: rowLoader((ids: readonly string[]) => warehousesByIds(db, ids), (row) => row.id),
    levelsByVariantId: groupLoader(
      (ids: readonly string[]) => levelsByVariantIds(db, ids),
      (row) => row.variantId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
