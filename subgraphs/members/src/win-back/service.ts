// Win-back: a member whose last order is older than the settings' days hears from the shop, once per lapse.
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { log, withTx, type Db } from '@shop/kit';
import { scheduledAt } from '@shop/kit/jobs';
import { loadSettings } from '../loyalty/settings.js';
import { notifyMember } from '../notifications/index.js';
import { notification } from '../notifications/tables.js';
import { memberStatistics } from '../statistics/index.js';
import { member } from '../tables.js';

export const WIN_BACK = 'members.winBack';

export interface Lapse {
  memberId: string;
  /** The member's last counted order, in any currency (member_statistics). */
  lastOrderAt: Date;
}

/**
 * Active members whose last counted order is more than
 * `loyalty_settings.win_back_days` before `now`, from the purchase statistics
 * the order facts keep; a member who never ordered is not counted.
 */
export async function lapsedMembers(db: Db, now: Date): Promise<Lapse[]> {
  const { winBackDays } = await loadSettings(db);
  const cutoff = new Date(now.getTime() - winBackDays * 86_400_000);
  const last = max(memberStatistics.lastOrderAt);
  const rows = await db
    .select({ memberId: memberStatistics.memberId, lastOrderAt: last })
    .from(memberStatistics)
    .innerJoin(member, eq(member.id, memberStatistics.memberId))
    .where(and(isNull(member.archivedAt), isNull(member.disabledAt), isNull(member.mergedIntoId)))
    .groupBy(memberStatistics.memberId)
    .having(sql`${last} < ${cutoff.toISOString()}::timestamptz`);
  return rows.map((r) => ({ memberId: r.memberId, lastOrderAt: r.lastOrderAt! }));
}

/** The key that makes one lapse one message: a new order starts a new lapse, and a new message when it too runs out. */
export const winBackKey = (lapse: Lapse) => `winBack:${lapse.memberId}:${lapse.lastOrderAt.toISOString()}`;

/**
 * Asks for a win-back message to each lapsed member not yet told of this lapse
 * and returns how many were asked for. A lapse already sent is skipped here; one
 * still queued is deduplicated by the notify job's key.
 */
export async function winBackLapsedMembers(db: Db, now: Date): Promise<number> {
  const lapses = await lapsedMembers(db, now);
  if (!lapses.length) return 0;
  const keys = lapses.map(winBackKey);
  const sent = new Set(
    (await db.select({ key: notification.idempotencyKey }).from(notification).where(inArray(notification.idempotencyKey, keys))).map((r) => r.key),
  );
  const due = lapses.filter((lapse) => !sent.has(winBackKey(lapse)));
  await withTx(db, async (tx) => {
    for (const lapse of due) await notifyMember(tx, { memberId: lapse.memberId, template: 'winBack', params: {}, idempotencyKey: winBackKey(lapse) });
  });
  return due.length;
}

/** The daily job: win-back messages for the lapses as of when the run was due. */
export async function winBackTask(payload: unknown, db: Db): Promise<void> {
  const asked = await winBackLapsedMembers(db, scheduledAt(payload));
  log.info({ asked }, 'win-back messages asked for');
}
