// Transfers: per-request batch loaders of transfer lines.
import { groupLoader, type Db } from '@shop/kit';
import { linesByTransferIds } from './service.js';

/** Per-request loaders for transfers: one query per batch of ids. */
export function createTransferLoaders(db: Db) {
  return {
    transferLinesByTransferId: groupLoader(
      (ids: readonly string[]) => linesByTransferIds(db, ids),
      (row) => row.transferId,
    ),
  };
}

export type TransferLoaders = ReturnType<typeof createTransferLoaders>;
