// Per-request loaders of behaviour summaries: one query per batch of member or product ids.
import { groupLoader, type Db } from '@shop/kit';
import { behaviourOf, engagementOf } from './summaries.js';

export function createEventLoaders(db: Db) {
  return {
    behaviourByMember: groupLoader((ids: readonly string[]) => behaviourOf(db, ids), (row) => row.memberId),
    engagementByProduct: groupLoader((ids: readonly string[]) => engagementOf(db, ids), (row) => row.productId),
  };
}
