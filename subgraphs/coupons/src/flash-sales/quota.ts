// An item's quota over bucket rows: filling them, taking from them at checkout, giving back once.
import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { forgetSoldOut, knownSoldOut, markSoldOut } from './sold-out.js';
import { flashSaleBucket, flashSaleMemberUse, flashSaleTake } from './tables.js';

/** Units per bucket before another bucket is worth its row: small quotas stay on few rows, big ones spread over 16. */
const UNITS_PER_BUCKET = 25;
export const MAX_BUCKETS = 16;

/** How many rows an item's quota is split over. */
export function bucketCountFor(quota: number): number {
  return Math.max(1, Math.min(MAX_BUCKETS, Math.ceil(quota / UNITS_PER_BUCKET)));
}

/** `total` units over `count` buckets, as even as whole units allow. */
export function shares(total: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(total / count) + (i < total % count ? 1 : 0));
}

/**
 * Rewrites an item's buckets to hold `remaining` units over `bucketCount`
 * rows. Staff's quota changes only; the caller locked the item row, and the
 * old buckets are locked here, so no checkout takes from them meanwhile.
 */
export async function fillBuckets(tx: Db, itemId: string, bucketCount: number, remaining: number): Promise<void> {
  await tx.delete(flashSaleBucket).where(eq(flashSaleBucket.itemId, itemId));
  await tx.insert(flashSaleBucket).values(shares(remaining, bucketCount).map((units, bucket) => ({ itemId, bucket, remaining: units })));
  forgetSoldOut([itemId]);
}

/** Units left per item (the sum of its buckets): a plain read, it never waits for a buyer's lock. */
export async function remainingOf(tx: Db, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (!itemIds.length) return new Map();
  const rows = await tx
    .select({ itemId: flashSaleBucket.itemId, remaining: sql<number>`sum(${flashSaleBucket.remaining})::int` })
    .from(flashSaleBucket)
    .where(anyId(flashSaleBucket.itemId, itemIds))
    .groupBy(flashSaleBucket.itemId);
  const remaining = new Map(rows.map((r) => [r.itemId, r.remaining]));
  for (const id of itemIds) if (!remaining.get(id)) markSoldOut(id);
  return remaining;
}

/** Units of an item a member holds at the flash price (orders not released). */
export async function memberUsesOf(tx: Db, memberId: string, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (!itemIds.length) return new Map();
  const rows = await tx
    .select({ itemId: flashSaleMemberUse.itemId, quantity: flashSaleMemberUse.quantity })
    .from(flashSaleMemberUse)
    .where(and(eq(flashSaleMemberUse.memberId, memberId), anyId(flashSaleMemberUse.itemId, itemIds)));
  return new Map(rows.map((r) => [r.itemId, r.quantity]));
}

/**
 * Counts `quantity` more units against the member's limit of the item, in
 * one conditional upsert: the member's row is the serialisation point, so
 * parallel carts of one member never pass the limit together. False when the
 * limit would be passed (nothing changed).
 */
export async function useMemberLimit(tx: Db, itemId: string, memberId: string, quantity: number, limit: number): Promise<boolean> {
  if (quantity > limit) return false;
  const rows = await tx.execute(sql`
    insert into ${flashSaleMemberUse} (item_id, member_id, quantity) values (${itemId}, ${memberId}, ${quantity})
    on conflict (item_id, member_id) do update set quantity = ${flashSaleMemberUse}.quantity + excluded.quantity
    where ${flashSaleMemberUse}.quantity + excluded.quantity <= ${limit}
    returning quantity`);
  return rows.length > 0;
}

interface Take {
  orderId: string;
  itemId: string;
  bucketCount: number;
  quantity: number;
  memberId: string | null;
}

/** One conditional UPDATE on one bucket: whole `quantity` or nothing. */
async function takeWhole(tx: Db, itemId: string, bucket: number, quantity: number): Promise<boolean> {
  const rows = await tx
    .update(flashSaleBucket)
    .set({ remaining: sql`${flashSaleBucket.remaining} - ${quantity}` })
    .where(and(eq(flashSaleBucket.itemId, itemId), eq(flashSaleBucket.bucket, bucket), sql`${flashSaleBucket.remaining} >= ${quantity}`))
    .returning({ remaining: flashSaleBucket.remaining });
  return rows.length > 0;
}

/** Takes what one bucket has, up to `wanted`; returns how many it gave. */
async function takeUpTo(tx: Db, itemId: string, bucket: number, wanted: number): Promise<number> {
  const rows = await tx.execute<{ taken: number }>(sql`
    with current as (
      select remaining from ${flashSaleBucket} where item_id = ${itemId} and bucket = ${bucket} and remaining > 0 for update)
    update ${flashSaleBucket} b set remaining = b.remaining - least(current.remaining, ${wanted})
    from current where b.item_id = ${itemId} and b.bucket = ${bucket}
    returning least(current.remaining, ${wanted})::int as taken`);
  return rows[0]?.taken ?? 0;
}

/**
 * Takes `quantity` units of an item's quota for an order, inside the
 * checkout's transaction (its rollback gives them back). Admission:
 * 1. an item this process saw sold out is refused with no statement at all;
 * 2. one conditional UPDATE on a random bucket (`remaining >= qty`): the
 *    common case, one statement, buyers spread over the buckets;
 * 3. on a miss, a plain read of the buckets that still hold units (it waits
 *    for no lock) and the same UPDATE on each of them in random order;
 * 4. when no single bucket holds the quantity, what each holds, buckets in
 *    ascending order (a fixed order: two such buyers never deadlock).
 * False when fewer units are left than wanted; the caller then fails the checkout.
 */
export async function takeQuota(tx: Db, take: Take): Promise<boolean> {
  if (knownSoldOut(take.itemId)) return false;
  const taken = new Map<number, number>();
  const first = randomInt(take.bucketCount);
  if (await takeWhole(tx, take.itemId, first, take.quantity)) taken.set(first, take.quantity);
  else {
    const open = await tx
      .select({ bucket: flashSaleBucket.bucket, remaining: flashSaleBucket.remaining })
      .from(flashSaleBucket)
      .where(and(eq(flashSaleBucket.itemId, take.itemId), sql`${flashSaleBucket.remaining} > 0`));
    const left = open.reduce((sum, b) => sum + b.remaining, 0);
    if (left === 0) markSoldOut(take.itemId);
    if (left < take.quantity) return false;
    for (const { bucket } of shuffled(open.filter((b) => b.remaining >= take.quantity && b.bucket !== first))) {
      if (await takeWhole(tx, take.itemId, bucket, take.quantity)) {
        taken.set(bucket, take.quantity);
        break;
      }
    }
    if (!taken.size) {
      let wanted = take.quantity;
      for (const { bucket } of [...open].sort((a, b) => a.bucket - b.bucket)) {
        const got = await takeUpTo(tx, take.itemId, bucket, wanted);
        if (got) taken.set(bucket, got);
        wanted -= got;
        if (!wanted) break;
      }
      if (wanted) return false;
    }
  }
  await tx.insert(flashSaleTake).values(
    [...taken].map(([bucket, quantity]) => ({ orderId: take.orderId, itemId: take.itemId, bucket, quantity, memberId: take.memberId })),
  );
  return true;
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Gives back what an order took, once: the takes are marked released in the
 * same statement that finds them, so a second release (or a concurrent one,
 * which waits for the first) finds nothing. Returns the items given back to.
 */
export async function releaseQuota(tx: Db, orderId: string): Promise<string[]> {
  const released = await tx
    .update(flashSaleTake)
    .set({ releasedAt: new Date() })
    .where(and(eq(flashSaleTake.orderId, orderId), isNull(flashSaleTake.releasedAt)))
    .returning();
  if (!released.length) return [];
  const ordered = [...released].sort((a, b) => a.itemId.localeCompare(b.itemId) || a.bucket - b.bucket);
  for (const take of ordered) {
    await tx
      .update(flashSaleBucket)
      .set({ remaining: sql`${flashSaleBucket.remaining} + ${take.quantity}` })
      .where(and(eq(flashSaleBucket.itemId, take.itemId), eq(flashSaleBucket.bucket, take.bucket)));
  }
  const perMember = new Map<string, { itemId: string; memberId: string; quantity: number }>();
  for (const take of ordered) {
    if (!take.memberId) continue;
    const key = `${take.itemId}:${take.memberId}`;
    const entry = perMember.get(key) ?? { itemId: take.itemId, memberId: take.memberId, quantity: 0 };
    entry.quantity += take.quantity;
    perMember.set(key, entry);
  }
  for (const use of perMember.values()) {
    await tx
      .update(flashSaleMemberUse)
      .set({ quantity: sql`greatest(${flashSaleMemberUse.quantity} - ${use.quantity}, 0)` })
      .where(and(eq(flashSaleMemberUse.itemId, use.itemId), eq(flashSaleMemberUse.memberId, use.memberId)));
  }
  const itemIds = [...new Set(ordered.map((t) => t.itemId))];
  forgetSoldOut(itemIds);
  return itemIds;
}
