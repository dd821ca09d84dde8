// Collections: per-request batch loaders.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { collectionsByIds, collectionsByProductIds } from './service.js';

/** Per-request loaders of collections: one query per batch of ids. */
export function createCollectionLoaders(db: Db) {
  return {
    collectionById: rowLoader((ids: readonly string[]) => collectionsByIds(db, ids), (row) => row.id),
    collectionsByProductId: groupLoader((ids: readonly string[]) => collectionsByProductIds(db, ids), (row) => row.productId),
  };
}
