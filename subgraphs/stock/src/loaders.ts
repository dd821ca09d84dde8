// Per-request batch loaders of stock, with those of purchasing and transfers.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { createPurchasingLoaders } from './purchasing/loaders.js';
import { levelsByVariantIds, warehousesByIds } from './service.js';
import { createTransferLoaders } from './transfers/loaders.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    ...createPurchasingLoaders(db),
    ...createTransferLoaders(db),
    warehouseById: rowLoader((ids: readonly string[]) => warehousesByIds(db, ids), (row) => row.id),
    levelsByVariantId: groupLoader(
      (ids: readonly string[]) => levelsByVariantIds(db, ids),
      (row) => row.variantId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
