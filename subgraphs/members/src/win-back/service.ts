// Win-back: a member whose last order is older than the settings' days hears from the shop, once per lapse.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { loadSettings } from '../loyalty/settings.js';
import { pointsEntry } from '../loyalty/tables.js';
import { member } from '../tables.js';

export const WIN_BACK = 'members.winBack';

export interface Lapse {
  memberId: string;
  /** The member's last order activity, as members know it. */
  lastOrderAt: Date;
}

/**
 * Active members whose last order is more than `loyalty_settings.win_back_days`
 * before `now`. Members read only their own schema: the last order is the
 * newest ledger entry an order made (a redemption at checkout, an earning on
 * completion), so a member who never earned or redeemed is not counted.
 */
export async function lapsedMembers(db: Db, now: Date): Promise<Lapse[]> {
  const { winBackDays } = await loadSettings(db);
  const cutoff = new Date(now.getTime() - winBackDays * 86_400_000);
  const last = sql<string>`max(${pointsEntry.createdAt})`;
  const rows = await db
    .select({ memberId: pointsEntry.memberId, lastOrderAt: last })
    .from(pointsEntry)
    .innerJoin(member, eq(member.id, pointsEntry.memberId))
    .where(and(eq(pointsEntry.sourceKind, 'ORDER'), isNull(member.archivedAt), isNull(member.disabledAt), isNull(member.mergedIntoId)))
    .groupBy(pointsEntry.memberId)
    .having(sql`${last} < ${cutoff.toISOString()}::timestamptz`);
  return rows.map((r) => ({ memberId: r.memberId, lastOrderAt: new Date(r.lastOrderAt) }));
}

/** The key that makes one lapse one message: a new order starts a new lapse, and a new message when it too runs out. */
export const winBackKey = (lapse: Lapse) => `winBack:${lapse.memberId}:${lapse.lastOrderAt.toISOString()}`;
