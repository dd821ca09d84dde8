// Per-request batch loaders of members.
import { rowLoader, type Db, type RequestBase } from '@shop/kit';
import { createLoyaltyLoaders } from './loyalty/loaders.js';
import { membersByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row; the row rule is in the batch query. */
export function createLoaders(db: Db, { principal }: RequestBase) {
  return {
    memberById: rowLoader((ids: readonly string[]) => membersByIds(db, ids, principal), (row) => row.id),
    ...createLoyaltyLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
