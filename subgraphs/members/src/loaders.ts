// Per-request batch loaders of members: members by id, their consents, consent history and addresses.
import { groupLoader, rowLoader, type Db, type RequestBase } from '@shop/kit';
import { addressesOf } from './addresses/index.js';
import { channelIdsByMemberIds } from './channel-ids/service.js';
import { consentHistoryOf, consentsOf } from './consents/index.js';
import { createEventLoaders } from './events/loaders.js';
import { createLoyaltyLoaders } from './loyalty/loaders.js';
import { createPrivacyLoaders } from './privacy/index.js';
import { membersByIds } from './service.js';
import { createRecommendationLoaders } from './recommendations/loaders.js';
import { createSegmentLoaders } from './segments/loaders.js';
import { createStatisticsLoaders } from './statistics/loaders.js';

/** Per-request loaders: one query per batch of ids, never one per row; the row rule is in the member batch query. */
export function createLoaders(db: Db, { principal }: RequestBase) {
  return {
    memberById: rowLoader((ids: readonly string[]) => membersByIds(db, ids, principal), (row) => row.id),
    ...createLoyaltyLoaders(db),
    ...createEventLoaders(db),
    ...createStatisticsLoaders(db),
    ...createPrivacyLoaders(db),
    ...createRecommendationLoaders(db),
    ...createSegmentLoaders(db),
    consentsByMember: groupLoader((ids: readonly string[]) => consentsOf(db, ids), (row) => row.memberId),
    consentHistoryByMember: groupLoader((ids: readonly string[]) => consentHistoryOf(db, ids), (row) => row.memberId),
    addressesByMember: groupLoader((ids: readonly string[]) => addressesOf(db, ids), (row) => row.memberId),
    channelIdsByMember: groupLoader((ids: readonly string[]) => channelIdsByMemberIds(db, ids), (row) => row.memberId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
