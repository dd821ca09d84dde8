// Per-request loaders of privacy requests: by id, and each request's parts.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { partsOf, privacyRequestsByIds } from './service.js';

export function createPrivacyLoaders(db: Db) {
  return {
    privacyRequestById: rowLoader((ids: readonly string[]) => privacyRequestsByIds(db, ids), (row) => row.id),
    privacyPartsByRequest: groupLoader((ids: readonly string[]) => partsOf(db, ids), (row) => row.requestId),
  };
}
