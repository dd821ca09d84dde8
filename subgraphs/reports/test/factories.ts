import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import { isCounted } from '../src/facts/service.js';
import { orderFact, type OrderFactInsert } from '../src/tables.js';

/** A completed THB order of 1,000.00 placed at noon on 1 March 2026 UTC. */
export function makeFact(overrides: Partial<OrderFactInsert> = {}): OrderFactInsert {
  const placedAt = overrides.placedAt ?? new Date('2026-03-01T12:00:00Z');
  const status = overrides.status ?? 'COMPLETED';
  return {
    orderId: randomUUID(),
    placedAt,
    day: shopToday(placedAt),
    channel: 'ONLINE_STORE',
    status,
    counted: isCounted(status),
    totalMinor: 100_000n,
    currencyCode: 'THB',
    sourceUpdatedAt: placedAt,
    ...overrides,
  };
}

export async function insertFacts(db: Db, rows: OrderFactInsert[]) {
  return db.insert(orderFact).values(rows).returning();
}
