// Reviews: per-request batch loaders.
import { rowLoader, type Db } from '@shop/kit';
import { ratingsByProductIds } from './service.js';

/** Per-request loaders of reviews: one query per batch of ids. */
export function createReviewLoaders(db: Db) {
  return {
    ratingByProductId: rowLoader((ids: readonly string[]) => ratingsByProductIds(db, ids), (row) => row.productId),
  };
}
