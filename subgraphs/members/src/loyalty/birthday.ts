// Birthday points: once a year, on the member's birthday in the shop's calendar.
import { and, isNull, sql } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { scheduledAt } from '@shop/kit/jobs';
import { shopToday } from '@shop/kit/shop-time';
import { notifyMember } from '../notifications/index.js';
import { member } from '../tables.js';
import { postPoints } from './points.js';
import { loadSettings } from './settings.js';

export const BIRTHDAY_POINTS = 'members.birthdayPoints';

const DAY = 86_400_000;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Members (active, not merged) whose birthday is `today` (YYYY-MM-DD, the
 * shop's date); those born on 29 February celebrate on the 28th in other years.
 */
async function birthdaysOn(db: Db, today: string): Promise<string[]> {
  const [year, monthDay] = [Number(today.slice(0, 4)), today.slice(5)];
  const days = monthDay === '02-28' && !isLeapYear(year) ? ['02-28', '02-29'] : [monthDay];
  const rows = await db
    .select({ id: member.id })
    .from(member)
    .where(
      and(
        sql`to_char(${member.birthday}, 'MM-DD') = any(${sql.param(days)}::text[])`,
        isNull(member.archivedAt),
        isNull(member.disabledAt),
        isNull(member.mergedIntoId),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Gives the settings' birthday points and a birthday message to every member
 * whose birthday is the shop's date at `now`, one transaction each. Once per member and year: the
 * ledger's once-per-source index on `birthday:<member>:<year>`, so a rerun the
 * same day (a retry, a second worker) gives nothing more. Returns how many
 * members got points now.
 */
export async function grantBirthdayPoints(db: Db, now: Date): Promise<number> {
  const today = shopToday(now);
  const settings = await loadSettings(db);
  if (settings.birthdayPoints <= 0) return 0;
  let granted = 0;
  for (const memberId of await birthdaysOn(db, today)) {
    const key = `birthday:${memberId}:${today.slice(0, 4)}`;
    const created = await db.transaction(async (tx) => {
      const posted = await postPoints(tx, {
        memberId, delta: settings.birthdayPoints, reason: 'BIRTHDAY', sourceKind: 'SCHEDULE',
        sourceId: key, expiresAt: new Date(now.getTime() + settings.pointsExpireDays * DAY),
      });
      if (!posted.ok || !posted.value.created) return false;
      // The greeting goes with the points, so a rerun that gives nothing greets no one twice.
      await notifyMember(tx, { memberId, template: 'birthday', params: { points: settings.birthdayPoints }, idempotencyKey: key });
      return true;
    });
    if (created) granted++;
  }
  return granted;
}

/** The daily job: birthday points for the shop's date when the run was due. */
export async function birthdayPointsTask(payload: unknown, db: Db): Promise<void> {
  const granted = await grantBirthdayPoints(db, scheduledAt(payload));
  log.info({ granted }, 'birthday points given');
}
