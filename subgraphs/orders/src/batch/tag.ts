// Adding and removing operators' tags on many orders, one transaction per order.
import type { Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import type { OrderActor } from '../history/index.js';
import { orderTagsChange } from '../notes/index.js';
import type { FilterAccess } from '../service.js';
import type { OrderRow } from '../tables.js';
import { selectedOrders, type BatchSelection } from './selection.js';
import type { BatchIssue } from './tables.js';

export interface TagRequest {
  selection: BatchSelection;
  access: FilterAccess;
  add: string[];
  remove: string[];
}

/** Adds then removes the tags on one order, with the timeline entries of the single-order mutations. */
async function retag(tx: Db, actor: OrderActor, row: OrderRow, request: TagRequest) {
  if (request.add.length) {
    const added = await orderTagsChange(tx, actor, { id: row.id, tags: request.add }, 'ADD');
    if (!added.ok) return added;
  }
  return request.remove.length ? orderTagsChange(tx, actor, { id: row.id, tags: request.remove }, 'REMOVE') : { ok: true as const, value: row };
}

/**
 * Retags every selected order, a page at a time; an order that would carry
 * too many tags is reported and left as it was. `progress` runs after each page.
 */
export async function tagOrders(
  db: Db,
  actor: OrderActor,
  request: TagRequest,
  progress: (outcome: { done: number; failed: number }) => Promise<void>,
): Promise<BatchIssue[]> {
  const issues: BatchIssue[] = [];
  for await (const page of selectedOrders(db, request.selection, request.access, 100)) {
    let failed = 0;
    for (const row of page) {
      const result = await mutate(db, (tx) => retag(tx, actor, row, request));
      if (!result.ok) {
        failed += 1;
        issues.push({ row: null, orderNumber: row.number, code: 'TOO_MANY_TAGS', params: {} });
      }
    }
    await progress({ done: page.length, failed });
  }
  return issues;
}
