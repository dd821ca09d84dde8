// Per-request loaders of content: banners, announcements and articles by id, one query per batch.
import { rowLoader, type Db } from '@shop/kit';
import { articlesByIds } from './articles.js';
import { placementsByIds } from './placements.js';

export function createContentLoaders(db: Db) {
  return {
    placementById: rowLoader((ids: readonly string[]) => placementsByIds(db, ids), (row) => row.id),
    articleById: rowLoader((ids: readonly string[]) => articlesByIds(db, ids), (row) => row.id),
  };
}
