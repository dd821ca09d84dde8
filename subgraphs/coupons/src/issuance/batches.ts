// Issuance jobs: bulk codes and segment pushes, asked for by staff, run by the worker in chunks that show progress.
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { segmentMemberIds } from '@shop/members/commands';
import { anyId, isId, ok, type ChangeRecord, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { couponCode, couponMemberUsage } from '../coupon-codes/tables.js';
import { couponFail, type CouponResult } from '../errors/index.js';
import { couponStatus } from '../service.js';
import { coupon, type CouponRow } from '../tables.js';
import { writableCoupon } from '../templates/index.js';
import { PREFIX_PATTERN, randomCodes } from './codes.js';
import { returnQuantity, takeQuantity } from './claim.js';
import { couponBatch, type CouponBatchRow } from './tables.js';

export const GENERATE_CODES = 'coupons.generateCodes';
export const ISSUE_TO_SEGMENT = 'coupons.issueToSegment';
export const MAX_CODES = 100_000;
/** Codes per transaction: progress moves every chunk, and a crash loses at most one chunk's work (the rerun continues). */
const CODE_CHUNK = 5_000;
const MEMBER_CHUNK = 1_000;

/** A coupon staff may hand out now: not archived, not ended. */
async function issuableCoupon(tx: Db, couponId: string): Promise<CouponResult<CouponRow>> {
  const found = await writableCoupon(tx, couponId, ['input', 'couponId']);
  if (!found.ok) return found;
  if (couponStatus(found.value, new Date()) === 'EXPIRED') return couponFail('ENDED', ['input', 'couponId']);
  return found;
}

/**
 * Asks for `count` codes: the quantity is taken now (a conditional UPDATE; all
 * or nothing, SOLD_OUT otherwise), so a batch never makes more than the coupon
 * allows; the job makes the codes. `tx` is the mutation's.
 */
export async function requestCodes(tx: Db, input: { couponId: string; count: number; prefix?: string | null }, changes: ChangeRecord[]): Promise<CouponResult<CouponBatchRow>> {
  const prefix = (input.prefix ?? '').trim().toUpperCase();
  if (!PREFIX_PATTERN.test(prefix)) return couponFail('INVALID_CODE', ['input', 'prefix'], { min: 0, max: 8 });
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_CODES) {
    return couponFail('INVALID_QUANTITY', ['input', 'count'], { max: MAX_CODES });
  }
  const found = await issuableCoupon(tx, input.couponId);
  if (!found.ok) return found;
  const row = found.value;
  // All or nothing: a partial grant is rolled back with the userError.
  if ((await takeQuantity(tx, row.id, input.count)) < input.count) return couponFail('SOLD_OUT', ['input', 'count']);
  const [batch] = await tx.insert(couponBatch).values({ couponId: row.id, kind: 'CODES', requested: input.count, prefix }).returning();
  await enqueue(tx, GENERATE_CODES, { batchId: batch!.id }, { jobKey: `${GENERATE_CODES}:${batch!.id}` });
  changes.push({ entity: 'CouponBatch', id: batch!.id, before: {}, after: { couponId: row.id, kind: 'CODES', requested: input.count } });
  return ok(batch!);
}

/** Asks for a push of the coupon to every member of a segment; the job hands out the codes. */
export async function requestSegmentIssue(tx: Db, input: { couponId: string; segmentId: string }, changes: ChangeRecord[]): Promise<CouponResult<CouponBatchRow>> {
  if (!isId(input.segmentId)) return couponFail('SEGMENT_NOT_FOUND', ['input', 'segmentId']);
  const found = await issuableCoupon(tx, input.couponId);
  if (!found.ok) return found;
  const [batch] = await tx
    .insert(couponBatch)
    .values({ couponId: found.value.id, kind: 'SEGMENT', requested: 0, segmentId: input.segmentId.toLowerCase() })
    .returning();
  await enqueue(tx, ISSUE_TO_SEGMENT, { batchId: batch!.id }, { jobKey: `${ISSUE_TO_SEGMENT}:${batch!.id}` });
  changes.push({ entity: 'CouponBatch', id: batch!.id, before: {}, after: { couponId: found.value.id, kind: 'SEGMENT', segmentId: input.segmentId } });
  return ok(batch!);
}

/** The batch locked for one chunk of its job; null once it finished. */
async function runningBatch(tx: Db, batchId: string): Promise<CouponBatchRow | null> {
  const [row] = await tx.select().from(couponBatch).where(eq(couponBatch.id, batchId)).for('update');
  return row && (row.status === 'PENDING' || row.status === 'RUNNING') ? row : null;
}

const finish = (tx: Db, id: string, status: 'DONE' | 'FAILED', failureCode: string | null = null) =>
  tx.update(couponBatch).set({ status, failureCode, finishedAt: new Date(), updatedAt: new Date() }).where(eq(couponBatch.id, id));

/** Makes up to one chunk of a CODES batch's codes in its own transaction; false once the batch is finished. */
async function generateChunk(db: Db, batchId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const batch = await runningBatch(tx, batchId);
    if (!batch) return false;
    const missing = batch.requested - batch.done;
    if (missing <= 0) {
      await finish(tx, batch.id, 'DONE');
      return false;
    }
    const codes = randomCodes(Math.min(missing, CODE_CHUNK), batch.prefix);
    // A colliding code is skipped here and made by the next round: done counts only rows written.
    const made = await tx
      .insert(couponCode)
      .values(codes.map((code) => ({ couponId: batch.couponId, code, source: 'GENERATED' as const, batchId: batch.id })))
      .onConflictDoNothing()
      .returning({ id: couponCode.id });
    await tx.update(couponBatch).set({ status: 'RUNNING', done: batch.done + made.length, updatedAt: new Date() }).where(eq(couponBatch.id, batch.id));
    return true;
  });
}

/**
 * Hands one chunk of the segment's members (after the batch's cursor) a
 * personal code each, in its own transaction: members at the per-member limit
 * are passed over, and so is everyone beyond the quantity. A rerun continues
 * from the cursor; the unique (batch, member) index keeps it from giving anyone two.
 */
async function issueChunk(db: Db, batchId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const batch = await runningBatch(tx, batchId);
    if (!batch) return false;
    const [row] = await tx.select().from(coupon).where(eq(coupon.id, batch.couponId));
    if (row!.archivedAt) {
      await finish(tx, batch.id, 'FAILED', 'COUPON_ARCHIVED');
      return false;
    }
    const ids = await segmentMemberIds(tx, batch.segmentId!, { after: batch.cursor, limit: MEMBER_CHUNK });
    if (!ids.length) {
      await finish(tx, batch.id, 'DONE');
      return false;
    }
    const usage = await tx
      .select({ memberId: couponMemberUsage.memberId, claimed: couponMemberUsage.claimed })
      .from(couponMemberUsage)
      .where(and(eq(couponMemberUsage.couponId, row!.id), anyId(couponMemberUsage.memberId, ids)));
    const claimed = new Map(usage.map((u) => [u.memberId, u.claimed]));
    const eligible = ids.filter((id) => row!.perMemberLimit === null || (claimed.get(id) ?? 0) < row!.perMemberLimit);
    const granted = eligible.length ? await takeQuantity(tx, row!.id, eligible.length) : 0;
    const given = eligible.slice(0, granted);
    const codes = randomCodes(given.length);
    const made = given.length
      ? await tx
          .insert(couponCode)
          .values(given.map((memberId, i) => ({ couponId: row!.id, code: codes[i]!, memberId, source: 'ISSUED' as const, batchId: batch.id })))
          .onConflictDoNothing()
          .returning({ memberId: couponCode.memberId })
      : [];
    await returnQuantity(tx, row!.id, granted - made.length);
    if (made.length) {
      await tx
        .insert(couponMemberUsage)
        .values(made.map((m) => ({ couponId: row!.id, memberId: m.memberId!, claimed: 1 })))
        .onConflictDoUpdate({ target: [couponMemberUsage.couponId, couponMemberUsage.memberId], set: { claimed: sql`${couponMemberUsage.claimed} + 1` } });
    }
    await tx
      .update(couponBatch)
      .set({
        status: 'RUNNING',
        requested: batch.requested + ids.length,
        done: batch.done + made.length,
        skipped: batch.skipped + ids.length - made.length,
        cursor: ids[ids.length - 1]!,
        updatedAt: new Date(),
      })
      .where(eq(couponBatch.id, batch.id));
    return true;
  });
}

const batchPayload = z.object({ batchId: z.uuid() });

/** The coupons.generateCodes task: chunks until every code is made. Idempotent. */
export async function generateCodesTask(payload: unknown, db: Db): Promise<void> {
  const { batchId } = batchPayload.parse(payload);
  while (await generateChunk(db, batchId));
}

/** The coupons.issueToSegment task: chunks until the segment is walked. Idempotent. */
export async function issueToSegmentTask(payload: unknown, db: Db): Promise<void> {
  const { batchId } = batchPayload.parse(payload);
  while (await issueChunk(db, batchId));
}

export function batchesByIds(db: Db, ids: readonly string[]) {
  return db.select().from(couponBatch).where(anyId(couponBatch.id, ids));
}

/** Each coupon's newest batches (at most 20 each). */
export async function batchesOfCoupons(db: Db, couponIds: readonly string[]): Promise<CouponBatchRow[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select id from (select ${couponBatch.id} as id, row_number() over (partition by ${couponBatch.couponId} order by ${couponBatch.createdAt} desc) as n
      from ${couponBatch} where ${anyId(couponBatch.couponId, couponIds)}) ranked where n <= 20`);
  if (!rows.length) return [];
  return db.select().from(couponBatch).where(anyId(couponBatch.id, rows.map((r) => r.id))).orderBy(desc(couponBatch.createdAt));
}
