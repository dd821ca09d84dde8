// Flags of an order: holding and releasing it by hand, and reading its flags.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { anyId, isId, ok, type Db, type Result } from '@shop/kit';
import { addOrderHistory, lockOrder, type OrderActor } from '../history/index.js';
import type { OrderRow, OrderStatus } from '../tables.js';
import { orderFlag } from './tables.js';
import { flagFail } from '../errors/index.js';

export type HoldErrorCode = 'NOT_FOUND' | 'INVALID' | 'INVALID_STATE' | 'NOT_ON_HOLD';

/** A hold stops fulfilment from starting, so it makes sense only before that. */
export const HOLDABLE: readonly OrderStatus[] = ['PENDING_PAYMENT', 'PAID'];
const MAX_TEXT = 500;

const notFound = () => flagFail('NOT_FOUND', ['input', 'orderId']);

/** Puts an order on hold by hand, with the operator's reason; one history entry. */
export async function holdOrder(
  tx: Db,
  actor: OrderActor,
  input: { orderId: string; reason: string },
): Promise<Result<OrderRow, HoldErrorCode>> {
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_TEXT) return flagFail('INVALID:reason', ['input', 'reason'], { max: MAX_TEXT });
  const row = await lockOrder(tx, input.orderId);
  if (!row) return notFound();
  if (!HOLDABLE.includes(row.status)) {
    return flagFail('INVALID_STATE', ['input', 'orderId'], { number: row.number, status: row.status });
  }
  await tx.insert(orderFlag).values({ orderId: row.id, reason: 'MANUAL_HOLD', stage: 'MANUAL', message: reason, raisedBy: actor.label });
  await addOrderHistory(tx, { orderId: row.id, actor, kind: 'HOLD', note: reason });
  return ok(row);
}

/**
 * Clears the named open flags of an order (all of them when `flagIds` is
 * absent), so that it may be fulfilled once none is left; one history entry.
 */
export async function releaseOrder(
  tx: Db,
  actor: OrderActor,
  input: { orderId: string; flagIds?: string[] | null; note?: string | null },
): Promise<Result<OrderRow, HoldErrorCode>> {
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_TEXT) return flagFail('INVALID:note', ['input', 'note'], { max: MAX_TEXT });
  const row = await lockOrder(tx, input.orderId);
  if (!row) return notFound();
  const open = await tx
    .select()
    .from(orderFlag)
    .where(and(eq(orderFlag.orderId, row.id), sql`${orderFlag.clearedAt} is null`));
  if (!open.length) return flagFail('NOT_ON_HOLD', ['input', 'orderId'], { number: row.number });
  const openIds = new Set(open.map((f) => f.id));
  const unknown = (input.flagIds ?? []).findIndex((id) => !isId(id) || !openIds.has(id));
  if (unknown >= 0) {
    return flagFail('NOT_FOUND:flag', ['input', 'flagIds', String(unknown)], { number: row.number });
  }
  const clearing = input.flagIds?.length ? open.filter((f) => input.flagIds!.includes(f.id)) : open;
  await tx
    .update(orderFlag)
    .set({ clearedAt: sql`now()`, clearedBy: actor.label, clearNote: note })
    .where(inArray(orderFlag.id, clearing.map((f) => f.id)));
  const reasons = clearing.map((f) => f.reason).join(', ');
  await addOrderHistory(tx, { orderId: row.id, actor, kind: 'RELEASE', note: note ? `${reasons}: ${note}` : reasons });
  return ok(row);
}

/** Flags of many orders in one query, newest first within each order. */
export function flagsByOrderIds(tx: Db, orderIds: readonly string[]) {
  return tx.select().from(orderFlag).where(anyId(orderFlag.orderId, orderIds)).orderBy(orderFlag.orderId, desc(orderFlag.createdAt));
}
