// Per-request batch loaders of coupons and its sub-areas.
import { rowLoader, type Db } from '@shop/kit';
import { createContentLoaders } from './content/index.js';
import { createGroupBuyLoaders } from './group-buys/loaders.js';
import { createPromotionLoaders } from './promotions/loaders.js';
import { couponsByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    couponById: rowLoader((ids: readonly string[]) => couponsByIds(db, ids), (row) => row.id),
    ...createPromotionLoaders(db),
    ...createContentLoaders(db),
    ...createGroupBuyLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
