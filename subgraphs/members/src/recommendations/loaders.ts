// Per-request loaders of recommendations: one query (and one products read) per batch of products or members.
import { groupLoader, type Db } from '@shop/kit';
import { boughtTogetherOf, recommendationsFor } from './service.js';

export function createRecommendationLoaders(db: Db) {
  return {
    boughtTogetherByProductId: groupLoader((ids: readonly string[]) => boughtTogetherOf(db, ids), (row) => row.ownerId),
    recommendationsByMemberId: groupLoader((ids: readonly string[]) => recommendationsFor(db, ids), (row) => row.ownerId),
  };
}
