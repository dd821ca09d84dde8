// Per-request batch loaders of order flags, merged into the domain's createLoaders.
import { groupLoader, type Db } from '@shop/kit';
import { flagsByOrderIds } from './service.js';

export function createFlagLoaders(db: Db) {
  return {
    flagsByOrderId: groupLoader((ids: readonly string[]) => flagsByOrderIds(db, ids), (f) => f.orderId),
  };
}
