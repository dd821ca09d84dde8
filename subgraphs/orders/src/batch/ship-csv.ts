// "Mark shipped" from a CSV: checking every row (the dry run) and shipping the good ones, one transaction per order.
import { inArray } from 'drizzle-orm';
import { type Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import type { OrderActor } from '../history/index.js';
import { order } from '../tables.js';
import type { ShipCsvRow } from './ship-csv-read.js';
import { activeCarriers, REFUSALS, shipOne, SHIPPABLE } from './ship-step.js';
import type { BatchIssue } from './tables.js';

export const MAX_TRACKING = 100;

/** A row that passed every check, with the order it names. */
export type ShippableRow = ShipCsvRow & { orderId: string };

const issueOf = (row: ShipCsvRow, code: string, params: Record<string, string> = {}): BatchIssue => ({
  row: row.row,
  orderNumber: row.orderNumber || null,
  code,
  params,
});

/**
 * Checks each row against the orders as they are now; reports the first
 * problem of each bad row (no order number, an order number seen in an earlier
 * row, no such order, an unknown carrier, a missing or too long tracking
 * number, an order that is not paid or being fulfilled). Reads only.
 */
export async function checkShipRows(db: Db, rows: readonly ShipCsvRow[]): Promise<{ good: ShippableRow[]; issues: BatchIssue[] }> {
  const numbers = [...new Set(rows.map((r) => r.orderNumber).filter(Boolean))];
  const found = numbers.length
    ? await db.select({ id: order.id, number: order.number, status: order.status }).from(order).where(inArray(order.number, numbers))
    : [];
  const byNumber = new Map(found.map((o) => [o.number, o]));
  const carriers = await activeCarriers(db);
  const firstRow = new Map<string, number>();
  const good: ShippableRow[] = [];
  const issues: BatchIssue[] = [];
  for (const row of rows) {
    const seen = row.orderNumber ? firstRow.get(row.orderNumber) : undefined;
    if (row.orderNumber && seen === undefined) firstRow.set(row.orderNumber, row.row);
    const target = byNumber.get(row.orderNumber);
    const problem: BatchIssue | null = !row.orderNumber
      ? issueOf(row, 'MISSING_ORDER_NUMBER')
      : seen !== undefined
        ? issueOf(row, 'DUPLICATE_ROW', { firstRow: String(seen) })
        : !target
          ? issueOf(row, 'UNKNOWN_ORDER')
          : !carriers.has(row.carrier)
            ? issueOf(row, 'UNKNOWN_CARRIER', { carrier: row.carrier.slice(0, 40) })
            : !row.trackingNumber
              ? issueOf(row, 'MISSING_TRACKING')
              : row.trackingNumber.length > MAX_TRACKING
                ? issueOf(row, 'INVALID_TRACKING', { max: String(MAX_TRACKING) })
                : !SHIPPABLE.includes(target.status)
                  ? issueOf(row, 'WRONG_STATE', { status: target.status })
                  : null;
    if (problem) issues.push(problem);
    else good.push({ ...row, orderId: target!.id });
  }
  return { good, issues };
}

/** Orders shipped at once: each its own transaction on its own connection, so the database works on several. */
export const SHIP_CONCURRENCY = 4;

/**
 * Ships the rows one order per transaction (a refused or failing order leaves
 * the others shipped), SHIP_CONCURRENCY at a time, reporting each refusal;
 * `progress` runs after every row. A deadlock between two orders' stock rows
 * is retried by `mutate`.
 */
export async function shipRows(
  db: Db,
  actor: OrderActor,
  rows: readonly ShippableRow[],
  progress: (outcome: { shipped: boolean }) => Promise<void>,
): Promise<BatchIssue[]> {
  const issues: BatchIssue[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < rows.length; i = next++) {
      const row = rows[i]!;
      const result = await mutate(db, (tx) => shipOne(tx, actor, { orderId: row.orderId, carrierCode: row.carrier, trackingNumber: row.trackingNumber }));
      // The order changed since the check (cancelled, put on hold, stock gone): reported, the others go on.
      if (!result.ok) issues.push(issueOf(row, REFUSALS[result.errors[0]!.code]));
      await progress({ shipped: result.ok });
    }
  };
  await Promise.all(Array.from({ length: SHIP_CONCURRENCY }, lane));
  return issues;
}
