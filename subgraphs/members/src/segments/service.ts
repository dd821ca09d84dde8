// Segments: preview, create, update, archive, the materialising refresh, and the lists that read them.
import { and, count, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { anyId, changeOf, connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db, type Task } from '@shop/kit';
import { graphemeLength, likePattern, memberColumns, type Member } from '../service.js';
import { member } from '../tables.js';
import { segmentCondition } from './compiler.js';
import { segmentError, segmentFail, type SegmentError, type SegmentResult } from '../errors/index.js';
import { queueSegmentRefresh, queueSegmentsRefresh } from './queue.js';
import { checkRules, segmentRules, type SegmentRules, type SegmentRulesInput } from './rules.js';
import { segment, segmentMember, type SegmentRow } from './tables.js';

const MAX_NAME = 100;
const MAX_DESCRIPTION = 1000;
/** How many members a preview shows beside its count. */
export const PREVIEW_SAMPLE = 5;

/** A segment row with its rules checked against the stored shape (a row that fails is a fault, not a user's mistake). */
const withCheckedRules = (row: SegmentRow): SegmentRow => ({ ...row, rules: segmentRules.parse(row.rules) });

export interface SegmentPreview {
  count: number;
  sample: Member[];
}

/**
 * How many members the rules select now, and the first few of them (newest
 * first). The same condition as the refresh (compiler.ts), so a refresh at
 * the same moment materialises exactly `count` members. `db` may be the pool.
 */
export async function previewSegment(db: Db, input: SegmentRulesInput, now: Date = new Date()): Promise<SegmentResult<SegmentPreview>> {
  const checked = checkRules(input, ['rules']);
  if (!checked.ok) return checked;
  const condition = segmentCondition(checked.value, now);
  const [[counted], sample] = await Promise.all([
    db.select({ n: count() }).from(member).where(condition),
    db.select(memberColumns).from(member).where(condition).orderBy(desc(member.createdAt), desc(member.id)).limit(PREVIEW_SAMPLE),
  ]);
  return ok({ count: counted!.n, sample });
}

export interface SegmentInput {
  name?: string | null;
  description?: string | null;
  rules?: SegmentRulesInput | null;
}

interface SegmentValues {
  name?: string;
  description?: string | null;
  rules?: SegmentRules;
}

/** Checks the fields given and turns them into column values, collecting every mistake. */
function segmentValues(input: SegmentInput): SegmentResult<SegmentValues> {
  const errors: SegmentError[] = [];
  const values: SegmentValues = {};
  if (input.name !== undefined) {
    const name = input.name?.trim() ?? '';
    if (!name || graphemeLength(name) > MAX_NAME) errors.push(segmentError('INVALID_NAME', ['input', 'name'], { max: MAX_NAME }));
    values.name = name;
  }
  if (input.description !== undefined) {
    const description = input.description?.trim() || null;
    if (description && graphemeLength(description) > MAX_DESCRIPTION) {
      errors.push(segmentError('INVALID_TEXT', ['input', 'description'], { max: MAX_DESCRIPTION }));
    }
    values.description = description;
  }
  if (input.rules != null) {
    const rules = checkRules(input.rules, ['input', 'rules']);
    if (rules.ok) values.rules = rules.value;
    else errors.push(...rules.errors);
  }
  return errors.length ? { ok: false, errors } : ok(values);
}

/** Whether another active segment holds this name, whatever its case. */
async function nameTaken(tx: Db, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: segment.id })
    .from(segment)
    .where(and(sql`lower(${segment.name}) = lower(${name})`, isNull(segment.archivedAt), exceptId ? sql`${segment.id} <> ${exceptId}` : undefined));
  return !!row;
}

const audited = ({ name, description, rules, archivedAt }: SegmentRow) => ({ name, description, rules, archivedAt });

/**
 * Creates a segment and queues its first refresh in the same transaction; its
 * size is 0 and refreshedAt null until that job ran. `tx` is the mutation's.
 */
export async function createSegment(tx: Db, input: SegmentInput & { name: string; rules: SegmentRulesInput }, changes: ChangeRecord[]): Promise<SegmentResult<SegmentRow>> {
  const values = segmentValues(input);
  if (!values.ok) return values;
  // The unique index settles a race; this check answers the common case with a userError.
  if (await nameTaken(tx, values.value.name!)) return segmentFail('NAME_TAKEN', ['input', 'name']);
  const [row] = await tx
    .insert(segment)
    .values({ name: values.value.name!, description: values.value.description ?? null, rules: values.value.rules! })
    .onConflictDoNothing()
    .returning();
  if (!row) return segmentFail('NAME_TAKEN', ['input', 'name']);
  await queueSegmentRefresh(tx, row.id);
  changes.push({ entity: 'Segment', id: row.id, before: {}, after: audited(row) });
  return ok(withCheckedRules(row));
}

/** The segment locked for a write: it exists and is not archived. */
async function writableSegment(tx: Db, id: string): Promise<SegmentResult<SegmentRow>> {
  if (!isId(id)) return segmentFail('SEGMENT_NOT_FOUND', ['input', 'id']);
  const [row] = await tx.select().from(segment).where(eq(segment.id, id)).for('update');
  if (!row) return segmentFail('SEGMENT_NOT_FOUND', ['input', 'id']);
  if (row.archivedAt) return segmentFail('SEGMENT_ARCHIVED', ['input', 'id']);
  return ok(row);
}

/** Changes the fields given; new rules queue a refresh in the same transaction. */
export async function updateSegment(tx: Db, id: string, input: SegmentInput, changes: ChangeRecord[]): Promise<SegmentResult<SegmentRow>> {
  const found = await writableSegment(tx, id);
  if (!found.ok) return found;
  const values = segmentValues(input);
  if (!values.ok) return values;
  if (values.value.name && (await nameTaken(tx, values.value.name, id))) return segmentFail('NAME_TAKEN', ['input', 'name']);
  const [row] = await tx.update(segment).set({ ...values.value, updatedAt: new Date() }).where(eq(segment.id, id)).returning();
  if (values.value.rules) await queueSegmentRefresh(tx, id);
  const change = changeOf('Segment', id, audited(found.value), audited(row!));
  if (change) changes.push(change);
  return ok(withCheckedRules(row!));
}

/**
 * Archives a segment: it is no longer refreshed, listed by default or found by
 * the commands; its last membership stays for history.
 */
export async function archiveSegment(tx: Db, id: string, changes: ChangeRecord[]): Promise<SegmentResult<SegmentRow>> {
  const found = await writableSegment(tx, id);
  if (!found.ok) return found;
  const [row] = await tx.update(segment).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(segment.id, id)).returning();
  changes.push({ entity: 'Segment', id, before: { archived: false }, after: { archived: true } });
  return ok(withCheckedRules(row!));
}

export interface RefreshOutcome {
  size: number;
  added: number;
  removed: number;
}

/**
 * Recomputes one segment's members in one transaction and one statement:
 * members the rules select now and the table lacks are inserted, members it
 * holds that the rules no longer select are deleted (a diff: members who stay
 * keep their row and addedAt), and size and refreshedAt are recorded. The
 * segment row is locked first, so two refreshes of a segment run one after the
 * other. Null for an unknown or archived segment. `db` is the pool.
 */
export async function refreshSegment(db: Db, segmentId: string, now: Date = new Date()): Promise<RefreshOutcome | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(segment).where(and(eq(segment.id, segmentId), isNull(segment.archivedAt))).for('update');
    if (!row) return null;
    const condition = segmentCondition(segmentRules.parse(row.rules), now);
    const [outcome] = await tx.execute<{ size: number; added: number; removed: number }>(sql`
      with target as (select ${member.id} as member_id from ${member} where ${condition}),
      gone as (
        delete from ${segmentMember} where ${segmentMember.segmentId} = ${segmentId}
          and not exists (select 1 from target where target.member_id = ${segmentMember.memberId})
        returning 1),
      added as (
        insert into ${segmentMember} (segment_id, member_id, added_at) select ${segmentId}, member_id, ${now.toISOString()}::timestamptz from target
        on conflict do nothing returning 1)
      update ${segment} set size = (select count(*) from target)::int, refreshed_at = ${now.toISOString()}::timestamptz
      where ${segment.id} = ${segmentId}
      returning size, (select count(*) from added)::int as added, (select count(*) from gone)::int as removed`);
    return outcome!;
  });
}

/** Ids of the active segments, for the refresh of all of them. */
export async function activeSegmentIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: segment.id }).from(segment).where(isNull(segment.archivedAt)).orderBy(segment.id);
  return rows.map((r) => r.id);
}

export type SegmentSortKey = 'CREATED_AT' | 'NAME';

export interface SegmentFilter {
  /** Text found in the name. */
  query?: string | null;
  /** Archived segments (true) instead of active ones (the default). */
  archived?: boolean | null;
}

/** One keyset page of segments, newest first unless sorted by name. `db` may be the pool. */
export function listSegments(db: Db, args: ConnectionArgs & { filter?: SegmentFilter | null; sortKey?: SegmentSortKey | null; reverse?: boolean | null }) {
  const byName = args.sortKey === 'NAME';
  const text = args.filter?.query?.trim();
  const filter = and(
    args.filter?.archived ? sql`${segment.archivedAt} is not null` : isNull(segment.archivedAt),
    text ? sql`lower(${segment.name}) like ${likePattern(text.toLowerCase())}` : undefined,
  );
  return connectionOf(args, {
    sort: byName ? segment.name : segment.createdAt,
    id: segment.id,
    descending: !byName !== Boolean(args.reverse),
    filter,
    rows: async (page) => (await db.select().from(segment).where(page.where).orderBy(...page.orderBy).limit(page.limit)).map(withCheckedRules),
    keyset: (row) => ({ value: byName ? row.name : row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(segment).where(filter))[0]!.n,
  });
}

/** Segments by id, archived ones included, for the per-request loader. */
export async function segmentsByIds(db: Db, ids: readonly string[]): Promise<SegmentRow[]> {
  return (await db.select().from(segment).where(anyId(segment.id, ids))).map(withCheckedRules);
}

/** The active segments each of these members is in as of the last refreshes, by name. */
export async function segmentsOfMembers(db: Db, memberIds: readonly string[]): Promise<(SegmentRow & { memberId: string })[]> {
  const rows = await db
    .select({ row: segment, memberId: segmentMember.memberId })
    .from(segmentMember)
    .innerJoin(segment, eq(segment.id, segmentMember.segmentId))
    .where(and(anyId(segmentMember.memberId, memberIds), isNull(segment.archivedAt)))
    .orderBy(segment.name, segment.id);
  return rows.map(({ row, memberId }) => ({ ...withCheckedRules(row), memberId }));
}

/** A page of a segment's members as materialised, newest members first. */
export function segmentMembers(db: Db, segmentId: string, args: ConnectionArgs) {
  const filter: SQL = sql`${member.id} in (select ${segmentMember.memberId} from ${segmentMember} where ${segmentMember.segmentId} = ${segmentId})`;
  return connectionOf(args, {
    sort: member.createdAt,
    id: member.id,
    descending: true,
    filter,
    rows: (page) => db.select(memberColumns).from(member).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await db.select({ n: count() }).from(segmentMember).where(eq(segmentMember.segmentId, segmentId)))[0]!.n,
  });
}

/** The ids of an active segment's members after `after` (by id), at most `limit`; empty for an unknown or archived segment. */
export async function segmentMemberIds(db: Db, segmentId: string, options: { after?: string | null; limit?: number } = {}): Promise<string[]> {
  if (!isId(segmentId) || (options.after && !isId(options.after))) return [];
  const limit = Math.min(Math.max(options.limit ?? 1000, 1), 10_000);
  const rows = await db
    .select({ id: segmentMember.memberId })
    .from(segmentMember)
    .innerJoin(segment, eq(segment.id, segmentMember.segmentId))
    .where(and(eq(segmentMember.segmentId, segmentId), isNull(segment.archivedAt), options.after ? gt(segmentMember.memberId, options.after) : undefined))
    .orderBy(segmentMember.memberId)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Whether a member is in an active segment as of its last refresh. */
export async function isMemberInSegment(db: Db, segmentId: string, memberId: string): Promise<boolean> {
  if (!isId(segmentId) || !isId(memberId)) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(segmentMember)
    .innerJoin(segment, eq(segment.id, segmentMember.segmentId))
    .where(and(eq(segmentMember.segmentId, segmentId), eq(segmentMember.memberId, memberId), isNull(segment.archivedAt)));
  return !!row;
}

/** The id of the active segment with this name (any case), or null: how a scheduled job finds "win-back". */
export async function segmentIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db.select({ id: segment.id }).from(segment).where(and(sql`lower(${segment.name}) = lower(${name.trim()})`, isNull(segment.archivedAt)));
  return row?.id ?? null;
}

const refreshPayload = z.object({ segmentId: z.uuid() });

/** The members.refreshSegment task: one segment's diff. */
export async function refreshSegmentTask(payload: unknown, db: Db): Promise<void> {
  await refreshSegment(db, refreshPayload.parse(payload).segmentId);
}

/** The members.refreshSegments task: queues one refresh per active segment (each its own retryable job). */
export async function refreshSegmentsTask(_payload: unknown, db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const id of await activeSegmentIds(tx)) await queueSegmentRefresh(tx, id);
  });
}

/**
 * A task that may move members in or out (the order-fact task), followed by
 * a coalesced refresh of every segment. Queued after the task's own commit:
 * if the queueing fails, the job fails and its retry (idempotent) queues it.
 */
export function refreshingSegmentsAfter(task: Task): Task {
  return async (payload, db) => {
    await task(payload, db);
    await queueSegmentsRefresh(db);
  };
}
