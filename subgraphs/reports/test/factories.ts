import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { orderFact, type OrderFactInsert } from '../src/tables.js';

/** A completed THB order of 1,000.00 placed at noon on 1 March 2026 UTC. */
export function makeFact(overrides: Partial<OrderFactInsert> = {}): OrderFactInsert {
  return {
    orderId: randomUUID(),
    placedAt: new Date('2026-03-01T12:00:00Z'),
    channel: 'ONLINE_STORE',
    status: 'COMPLETED',
    totalMinor: 100_000n,
    currencyCode: 'THB',
    ...overrides,
  };
}

export async function insertFacts(db: Db, rows: OrderFactInsert[]) {
  return db.insert(orderFact).values(rows).returning();
}
