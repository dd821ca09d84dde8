// Per-request batch loaders of stock, with those of purchasing.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { createPurchasingLoaders } from './purchasing/loaders.js';
import { levelsByVariantIds, warehousesByIds } from './service.js';
import { linesByTransferIds } from './transfers/service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    ...createPurchasingLoaders(db),
    warehouseById: rowLoader((ids: readonly string[]) => warehousesByIds(db, ids), (row) => row.id),
    levelsByVariantId: groupLoader(
      (ids: readonly string[]) => levelsByVariantIds(db, ids),
      (row) => row.variantId,
    ),
    transferLinesByTransferId: groupLoader(
      (ids: readonly string[]) => linesByTransferIds(db, ids),
      (row) => row.transferId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
