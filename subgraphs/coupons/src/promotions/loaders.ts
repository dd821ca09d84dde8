// Per-request loaders of promotions.
import { rowLoader, type Db } from '@shop/kit';
import { promotionsByIds } from './service.js';

export function createPromotionLoaders(db: Db) {
  return {
    promotionById: rowLoader((ids: readonly string[]) => promotionsByIds(db, ids), (row) => row.id),
  };
}
