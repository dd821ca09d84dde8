import { rowLoader, type Db } from '@shop/kit';
import { staffByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    staffById: rowLoader((ids: readonly string[]) => staffByIds(db, ids), (row) => row.id),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
