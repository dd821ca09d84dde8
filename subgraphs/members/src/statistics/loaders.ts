// Per-request loaders of purchase statistics: each member's rows, one query per batch.
import { groupLoader, type Db } from '@shop/kit';
import { statisticsOf } from './service.js';

export function createStatisticsLoaders(db: Db) {
  return {
    statisticsByMemberId: groupLoader((ids: readonly string[]) => statisticsOf(db, ids), (row) => row.memberId),
  };
}
