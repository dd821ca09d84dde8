// Per-request batch loaders of coupons (templates, their batches, what their redemptions gave off) and its sub-areas.
import DataLoader from 'dataloader';
import { groupLoader, MAX_BATCH_SIZE, rowLoader, type Db } from '@shop/kit';
import { createContentLoaders } from './content/index.js';
import { redeemedDiscounts } from './coupon-codes/index.js';
import { createFlashSaleLoaders } from './flash-sales/loaders.js';
import { createGroupBuyLoaders } from './group-buys/loaders.js';
import { batchesByIds, batchesOfCoupons } from './issuance/index.js';
import { createPromotionLoaders } from './promotions/loaders.js';
import { couponsByIds } from './service.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    couponById: rowLoader((ids: readonly string[]) => couponsByIds(db, ids), (row) => row.id),
    batchById: rowLoader((ids: readonly string[]) => batchesByIds(db, ids), (row) => row.id),
    batchesByCouponId: groupLoader((ids: readonly string[]) => batchesOfCoupons(db, ids), (row) => row.couponId),
    redeemedDiscountByCouponId: new DataLoader<string, bigint | null>(async (ids) => {
      const sums = new Map((await redeemedDiscounts(db, ids)).map((r) => [r.couponId, r.discountMinor]));
      return ids.map((id) => sums.get(id) ?? null);
    }, { maxBatchSize: MAX_BATCH_SIZE }),
    ...createPromotionLoaders(db),
    ...createContentLoaders(db),
    ...createGroupBuyLoaders(db),
    ...createFlashSaleLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
