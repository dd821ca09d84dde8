// Per-request batch loaders of access (staff and their roles, webhook subscriptions and attempts).
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { rolesByStaffIds, staffByIds } from './staff/index.js';
import { attemptsByDeliveryIds, subscriptionsByIds } from './webhooks/index.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db) {
  return {
    staffById: rowLoader((ids: readonly string[]) => staffByIds(db, ids), (row) => row.id),
    rolesByStaffId: groupLoader((ids: readonly string[]) => rolesByStaffIds(db, ids), (row) => row.staffId),
    // A delivery is listed only to who may see its subscription, so these need no row rule of their own.
    webhookSubscriptionById: rowLoader((ids: readonly string[]) => subscriptionsByIds(db, ids), (row) => row.id),
    webhookAttemptsByDeliveryId: groupLoader((ids: readonly string[]) => attemptsByDeliveryIds(db, ids), (row) => row.deliveryId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
