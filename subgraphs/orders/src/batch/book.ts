// Booking waybills for many orders: each selected order shipped whole with a waybill from the carrier's adapter.
import type { Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import type { OrderActor } from '../history/index.js';
import type { FilterAccess } from '../service.js';
import { selectedOrders, type BatchSelection } from './selection.js';
import { REFUSALS, shipOne, SHIPPABLE } from './ship-step.js';
import type { BatchIssue } from './tables.js';

export interface BookRequest {
  selection: BatchSelection;
  access: FilterAccess;
  carrierCode: string;
}

/**
 * Books a waybill and ships each selected order that is paid or being
 * fulfilled, one transaction per order; any other order, and one shipments
 * refuses, is reported and left as it was. `progress` runs after each page.
 */
export async function bookOrders(
  db: Db,
  actor: OrderActor,
  request: BookRequest,
  progress: (outcome: { done: number; failed: number }) => Promise<void>,
): Promise<BatchIssue[]> {
  const issues: BatchIssue[] = [];
  for await (const page of selectedOrders(db, request.selection, request.access, 100)) {
    let failed = 0;
    for (const row of page) {
      const refused = (code: string, params: Record<string, string> = {}) => {
        failed += 1;
        issues.push({ row: null, orderNumber: row.number, code, params });
      };
      if (!SHIPPABLE.includes(row.status)) {
        refused('WRONG_STATE', { status: row.status });
        continue;
      }
      const result = await mutate(db, (tx) => shipOne(tx, actor, { orderId: row.id, carrierCode: request.carrierCode, book: true }));
      if (!result.ok) refused(REFUSALS[result.errors[0]!.code]);
    }
    await progress({ done: page.length, failed });
  }
  return issues;
}
