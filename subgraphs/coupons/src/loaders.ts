// Per-request batch loaders of coupons and promotions.
import { rowLoader, type Db } from '@shop/kit';
import { createPromotionLoaders } from './promotions/loaders.js';
import { createFlashSaleLoaders } from './flash-sales/loaders.js';
import { couponsByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    couponById: rowLoader((ids: readonly string[]) => couponsByIds(db, ids), (row) => row.id),
    ...createPromotionLoaders(db),
    ...createFlashSaleLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
