// Per-request loaders of loyalty: balances by member id, one query per batch.
import DataLoader from 'dataloader';
import type { Db } from '@shop/kit';
import { creditBalancesOf, pointsBalancesOf } from './service.js';

export function createLoyaltyLoaders(db: Db) {
  return {
    pointsByMemberId: new DataLoader((ids: readonly string[]) => pointsBalancesOf(db, ids)),
    storeCreditByMemberId: new DataLoader((ids: readonly string[]) => creditBalancesOf(db, ids)),
  };
}
