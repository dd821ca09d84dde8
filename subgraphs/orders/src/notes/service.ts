// Staff notes and tags on orders.
import { eq } from 'drizzle-orm';
import { ok, type Db, type Result } from '@shop/kit';
import { nextUpdatedAt } from '../facts/index.js';
import { addOrderHistory, lockOrder, type OrderActor } from '../history/index.js';
import { order, type OrderRow } from '../tables.js';
import { lifecycleFail } from '../errors/index.js';

/** Operators' notes and tags: timeline entries that change no status. */

export type NoteErrorCode = 'NOT_FOUND' | 'INVALID';

const MAX_NOTE = 2000;
const MAX_TAG = 40;
const MAX_TAGS = 20;

export async function orderNoteAdd(
  tx: Db,
  actor: OrderActor,
  input: { id: string; note: string },
): Promise<Result<OrderRow, NoteErrorCode>> {
  const note = input.note.trim();
  if (!note || note.length > MAX_NOTE) return lifecycleFail('INVALID:note', ['input', 'note'], { max: MAX_NOTE });
  const row = await lockOrder(tx, input.id);
  if (!row) return lifecycleFail('NOT_FOUND', ['input', 'id']);
  await addOrderHistory(tx, { orderId: row.id, actor, kind: 'NOTE', note });
  const [updated] = await tx.update(order).set({ updatedAt: nextUpdatedAt }).where(eq(order.id, row.id)).returning();
  return ok(updated!);
}

/** Tags are kept trimmed and in lower case, so "VIP" and "vip " are one tag. Batch tagging checks its tags with it too. */
export function parseTags(tags: readonly string[]): Result<string[], NoteErrorCode> {
  const cleaned = [...new Set(tags.map((t) => t.trim().toLowerCase()))];
  const index = cleaned.findIndex((t) => !t || t.length > MAX_TAG);
  if (index >= 0 || !cleaned.length) {
    return lifecycleFail('INVALID:tag', ['input', 'tags', String(Math.max(index, 0))], { max: MAX_TAG });
  }
  return ok(cleaned);
}

export async function orderTagsChange(
  tx: Db,
  actor: OrderActor,
  input: { id: string; tags: string[] },
  change: 'ADD' | 'REMOVE',
): Promise<Result<OrderRow, NoteErrorCode>> {
  const tags = parseTags(input.tags);
  if (!tags.ok) return tags;
  const row = await lockOrder(tx, input.id);
  if (!row) return lifecycleFail('NOT_FOUND', ['input', 'id']);
  const next =
    change === 'ADD' ? [...new Set([...row.tags, ...tags.value])] : row.tags.filter((t) => !tags.value.includes(t));
  if (next.length > MAX_TAGS) return lifecycleFail('INVALID:tooManyTags', ['input', 'tags'], { max: MAX_TAGS });
  const changed = change === 'ADD' ? next.filter((t) => !row.tags.includes(t)) : row.tags.filter((t) => !next.includes(t));
  if (!changed.length) return ok(row);
  await addOrderHistory(tx, { orderId: row.id, actor, kind: change === 'ADD' ? 'TAGS_ADDED' : 'TAGS_REMOVED', note: changed.join(', ') });
  const [updated] = await tx.update(order).set({ tags: next, updatedAt: nextUpdatedAt }).where(eq(order.id, row.id)).returning();
  return ok(updated!);
}
