import { rowLoader, type Db } from '@shop/kit';
import { membersByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    memberById: rowLoader((ids: readonly string[]) => membersByIds(db, ids), (row) => row.id),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
