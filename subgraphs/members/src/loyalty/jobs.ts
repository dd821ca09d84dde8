// Background tasks of loyalty: tier re-evaluation and points expiry over every member.
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { scheduledAt } from '@shop/kit/jobs';
import { member } from '../tables.js';
import { expirePoints } from './order-points.js';
import { pointsEntry } from './tables.js';
import { reevaluateAllTiers } from './tiers.js';

export const REEVALUATE_TIERS = 'members.reevaluateTiers';
export const EXPIRE_POINTS = 'members.expirePoints';

/** Sets every member's tier from the current rules; safe to run again at any time. */
export async function reevaluateTiersTask(payload: unknown, db: Db): Promise<void> {
  const changed = await reevaluateAllTiers(db, scheduledAt(payload));
  log.info({ changed }, 'member tiers re-evaluated');
}

/** Expires due points of each member who has any, one transaction per member; once per member and day. */
export async function expirePointsTask(payload: unknown, db: Db): Promise<void> {
  const now = scheduledAt(payload);
  const due = await db
    .selectDistinct({ memberId: pointsEntry.memberId })
    .from(pointsEntry)
    .innerJoin(member, eq(member.id, pointsEntry.memberId))
    .where(and(gt(pointsEntry.delta, 0), lte(pointsEntry.expiresAt, now), isNull(member.archivedAt)));
  let expired = 0;
  for (const { memberId } of due) expired += await db.transaction((tx) => expirePoints(tx, memberId, now));
  log.info({ members: due.length, expired }, 'points expired');
}
