// Per-request batch loaders of members: members by id, their consents, consent history and addresses.
import { groupLoader, rowLoader, type Db, type RequestBase } from '@shop/kit';
import { addressesOf } from './addresses/index.js';
import { consentHistoryOf, consentsOf } from './consents/index.js';
import { createLoyaltyLoaders } from './loyalty/loaders.js';
import { membersByIds } from './service.js';
import { createSegmentLoaders } from './segments/loaders.js';
import { createStatisticsLoaders } from './statistics/loaders.js';

/** Per-request loaders: one query per batch of ids, never one per row; the row rule is in the member batch query. */
export function createLoaders(db: Db, { principal }: RequestBase) {
  return {
    memberById: rowLoader((ids: readonly string[]) => membersByIds(db, ids, principal), (row) => row.id),
    ...createLoyaltyLoaders(db),
    ...createStatisticsLoaders(db),
    ...createSegmentLoaders(db),
    consentsByMember: groupLoader((ids: readonly string[]) => consentsOf(db, ids), (row) => row.memberId),
    consentHistoryByMember: groupLoader((ids: readonly string[]) => consentHistoryOf(db, ids), (row) => row.memberId),
    addressesByMember: groupLoader((ids: readonly string[]) => addressesOf(db, ids), (row) => row.memberId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
