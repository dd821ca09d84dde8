// Per-request batch loaders of access (staff and their roles).
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { rolesByStaffIds, staffByIds } from './staff/index.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    staffById: rowLoader((ids: readonly string[]) => staffByIds(db, ids), (row) => row.id),
    rolesByStaffId: groupLoader((ids: readonly string[]) => rolesByStaffIds(db, ids), (row) => row.staffId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
