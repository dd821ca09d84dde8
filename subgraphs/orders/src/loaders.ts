// Per-request batch loaders of orders, with those of carts, payments, flags and shipments.
import DataLoader from 'dataloader';
import { groupLoader, pageRequest, rowLoader, toConnection, type ConnectionArgs, type Db, type RequestBase } from '@shop/kit';
import { createAfterSalesLoaders } from './after-sales/loaders.js';
import { createCartLoaders } from './cart/loaders.js';
import { createDocumentLoaders } from './documents/loaders.js';
import { createFlagLoaders } from './flags/loaders.js';
import { createPaymentLoaders } from './payments/loaders.js';
import { createShipmentLoaders } from './shipments/loaders.js';
import { createQualityLoaders } from './quality/loaders.js';
import {
  historyByOrderIds,
  linesByOrderIds,
  memberOrderPages,
  orderCountsByMemberIds,
  orderKeyset,
  ordersByIds,
} from './service.js';
import type { OrderRow } from './tables.js';

/** Per-request loaders: one query per batch of ids, never one per row. */
export function createLoaders(db: Db, { principal }: RequestBase) {
  const orderCountByMemberId = rowLoader(
    (ids: readonly string[]) => orderCountsByMemberIds(db, ids),
    (row) => row.memberId!,
  );
  // One loader per distinct page request: members asking for the same page share one query.
  const memberPages = new Map<string, DataLoader<string, OrderRow[]>>();
  return {
    ...createCartLoaders(db),
    ...createPaymentLoaders(db),
    ...createFlagLoaders(db),
    ...createAfterSalesLoaders(db, principal),
    ...createShipmentLoaders(db),
    ...createQualityLoaders(db),
    ...createDocumentLoaders(db),
    orderById: rowLoader((ids: readonly string[]) => ordersByIds(db, ids, principal), (row) => row.id),
    linesByOrderId: groupLoader((ids: readonly string[]) => linesByOrderIds(db, ids), (row) => row.orderId),
    historyByOrderId: groupLoader((ids: readonly string[]) => historyByOrderIds(db, ids), (row) => row.orderId),
    /** A member's orders as a connection, newest first, batched over every member in the request. */
    async memberOrders(memberId: string, args: ConnectionArgs) {
      const page = pageRequest(args);
      const key = JSON.stringify(page);
      let rows = memberPages.get(key);
      if (!rows) {
        rows = groupLoader((ids: readonly string[]) => memberOrderPages(db, ids, page), (row) => row.memberId!);
        memberPages.set(key, rows);
      }
      return toConnection(
        await rows.load(memberId),
        page,
        (row) => orderKeyset(row, 'CREATED_AT'),
        async () => (await orderCountByMemberId.load(memberId))?.n ?? 0,
      );
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
