// Per-request loaders of segments: by id (entity references) and each member's segments, one query per batch.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { segmentsByIds, segmentsOfMembers } from './service.js';

export function createSegmentLoaders(db: Db) {
  return {
    segmentById: rowLoader((ids: readonly string[]) => segmentsByIds(db, ids), (row) => row.id),
    segmentsByMemberId: groupLoader((ids: readonly string[]) => segmentsOfMembers(db, ids), (row) => row.memberId),
  };
}
