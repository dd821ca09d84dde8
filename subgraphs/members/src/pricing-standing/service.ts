// What pricing needs to know of a member: their tier, the segments they are in, and what points are worth.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isId, type Db } from '@shop/kit';
import { loadSettings } from '../loyalty/settings.js';
import { segment, segmentMember } from '../segments/index.js';
import { member, type MemberTier } from '../tables.js';

export interface PricingStanding {
  id: string;
  tier: MemberTier;
  /** Active segments the member is in as of their last refreshes. */
  segmentIds: string[];
}

/**
 * A member's tier and active segment ids in one statement, for the pricing engine's eligibility checks;
 * null for an unknown, malformed, disabled or archived member. `tx` is the caller's (a cart read or a checkout).
 */
export async function pricingStanding(tx: Db, memberId: string): Promise<PricingStanding | null> {
  if (!isId(memberId)) return null;
  const [row] = await tx
    .select({
      id: member.id,
      tier: member.tier,
      segmentIds: sql<string[]>`coalesce((select array_agg(${segmentMember.segmentId}::text order by ${segmentMember.segmentId})
        from ${segmentMember} join ${segment} on ${segment.id} = ${segmentMember.segmentId}
        where ${segmentMember.memberId} = ${member.id} and ${segment.archivedAt} is null), '{}')`,
    })
    .from(member)
    .where(and(eq(member.id, memberId), isNull(member.archivedAt), isNull(member.disabledAt)));
  return row ?? null;
}

/** What `points` are worth at the shop's current rate, and in which currency (no balance is read or changed). */
export async function pointsWorth(tx: Db, points: number): Promise<{ valueMinor: bigint; currencyCode: string }> {
  const settings = await loadSettings(tx);
  return { valueMinor: BigInt(Math.max(0, Math.trunc(points))) * settings.pointValueMinor, currencyCode: settings.currencyCode };
}
