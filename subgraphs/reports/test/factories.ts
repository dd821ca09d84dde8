import { randomUUID } from 'node:crypto';
import type { Db } from '@shop/kit';
import { savedReport } from '../src/saved-reports/tables.js';
import { reportSchedule } from '../src/schedules/tables.js';
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

/** A saved report of sales per day in THB over last week, by `createdBy` (a staff id). */
export async function insertSavedReport(db: Db, overrides: Partial<typeof savedReport.$inferInsert> = {}) {
  const [row] = await db
    .insert(savedReport)
    .values({ name: 'Weekly sales', definition: { metrics: ['GMV', 'ORDERS'], dimensions: ['DAY'], filters: [], rangePreset: 'LAST_WEEK', comparison: 'NONE', currencyCode: 'THB' }, createdBy: randomUUID(), ...overrides })
    .returning();
  return row!;
}

/** A schedule of `reportId` at 07:00 shop time; weekly into the folder "finance" as CSV unless overridden. */
export async function insertSchedule(db: Db, reportId: string, overrides: Partial<typeof reportSchedule.$inferInsert> = {}) {
  const [row] = await db
    .insert(reportSchedule)
    .values({ savedReportId: reportId, frequency: 'WEEKLY', at: '07:00', delivery: 'FILE_DROP', target: 'finance', format: 'CSV', createdBy: randomUUID(), runScopes: ['reports:read'], ...overrides })
    .returning();
  return row!;
}
