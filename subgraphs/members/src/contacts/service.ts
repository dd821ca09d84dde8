// The contact log: entries staff write after talking to a member, and the follow-ups they owe.
import { and, count, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import { memberError, memberFail, type MemberError, type MemberResult } from '../errors/index.js';
import { lockMember } from '../service.js';
import { contactLogEntry, type ContactChannel, type ContactLogRow } from './tables.js';

const MAX_SUMMARY = 2000;
const isoDate = z.iso.date();

export interface ContactLogAddInput {
  memberId: string;
  channel: ContactChannel;
  summary: string;
  followUpOn?: string | null;
}

/**
 * Logs an interaction of staff member `staffId` with a member, with an
 * optional follow-up day (a date in the shop's time zone, today or later).
 * `tx` is the mutation's transaction.
 */
export async function addContactLogEntry(
  tx: Db,
  staffId: string,
  input: ContactLogAddInput,
  changes: ChangeRecord[],
): Promise<MemberResult<ContactLogRow>> {
  const errors: MemberError[] = [];
  const summary = input.summary.trim();
  if (!summary || [...summary].length > MAX_SUMMARY) errors.push(memberError('INVALID_TEXT', ['input', 'summary'], { max: MAX_SUMMARY }));
  const followUpOn = input.followUpOn?.trim() || null;
  if (followUpOn && (!isoDate.safeParse(followUpOn).success || followUpOn < shopToday())) {
    errors.push(memberError('INVALID_DATE', ['input', 'followUpOn']));
  }
  const target = await lockMember(tx, input.memberId);
  if (!target) errors.unshift(memberError('MEMBER_NOT_FOUND', ['input', 'memberId']));
  else if (target.mergedIntoId) errors.unshift(memberError('MEMBER_MERGED', ['input', 'memberId']));
  if (errors.length) return { ok: false, errors };
  const [row] = await tx
    .insert(contactLogEntry)
    .values({ memberId: input.memberId, channel: input.channel, staffId, summary, followUpOn })
    .returning();
  changes.push({ entity: 'ContactLogEntry', id: row!.id, before: {}, after: { memberId: row!.memberId, channel: row!.channel, followUpOn } });
  return ok(row!);
}

/** Marks an entry's follow-up done; NO_FOLLOW_UP when it has none. Marking it twice changes nothing. */
export async function markFollowUpDone(tx: Db, entryId: string, changes: ChangeRecord[]): Promise<MemberResult<ContactLogRow>> {
  if (!isId(entryId)) return memberFail('ENTRY_NOT_FOUND', ['input', 'id']);
  const [found] = await tx.select().from(contactLogEntry).where(eq(contactLogEntry.id, entryId)).for('update');
  if (!found) return memberFail('ENTRY_NOT_FOUND', ['input', 'id']);
  if (!found.followUpOn) return memberFail('NO_FOLLOW_UP', ['input', 'id']);
  if (found.followUpDone) return ok(found);
  const [row] = await tx
    .update(contactLogEntry)
    .set({ followUpDone: true, updatedAt: sql`now()` })
    .where(eq(contactLogEntry.id, entryId))
    .returning();
  changes.push({ entity: 'ContactLogEntry', id: entryId, before: { followUpDone: false }, after: { followUpDone: true } });
  return ok(row!);
}

/** One member's contact log, newest first, a keyset page at a time. `tx` may be the pool. */
export function contactLogOf(tx: Db, memberId: string, args: ConnectionArgs) {
  const filter = isId(memberId) ? eq(contactLogEntry.memberId, memberId) : sql`false`;
  return connectionOf(args, {
    sort: contactLogEntry.createdAt,
    id: contactLogEntry.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(contactLogEntry).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(contactLogEntry).where(filter))[0]!.n,
  });
}

/** The last day a due follow-up may fall on: `asOf` when it is a day, else the shop's today. */
const dueDay = (asOf: string | null | undefined) => (asOf && isoDate.safeParse(asOf).success ? asOf : shopToday());

const dueSql = (asOf: string) =>
  and(isNotNull(contactLogEntry.followUpOn), eq(contactLogEntry.followUpDone, false), lte(contactLogEntry.followUpOn, asOf));

/** How many open follow-ups are due on or before `asOf` (today when absent): the list's totalCount and the dashboard's tile. */
export async function countFollowUpsDue(tx: Db, asOf?: string | null): Promise<number> {
  return (await tx.select({ n: count() }).from(contactLogEntry).where(dueSql(dueDay(asOf))))[0]!.n;
}

/**
 * Open follow-ups due on or before `asOf` (default: today in the shop's time
 * zone), earliest first. `tx` may be the pool.
 */
export function followUpsDue(tx: Db, args: ConnectionArgs & { asOf?: string | null }) {
  const asOf = dueDay(args.asOf);
  const filter = dueSql(asOf);
  return connectionOf(args, {
    sort: contactLogEntry.followUpOn,
    id: contactLogEntry.id,
    descending: false,
    filter,
    rows: (page) => tx.select().from(contactLogEntry).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.followUpOn!, id: row.id }),
    count: () => countFollowUpsDue(tx, asOf),
  });
}
