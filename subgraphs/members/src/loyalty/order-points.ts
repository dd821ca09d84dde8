// Points around an order: earning on completion, redemption at checkout, reversal on refund, and expiry.
import { and, eq, lte, sql } from 'drizzle-orm';
import { money, ok, type Db, type MoneyValue, type Result } from '@shop/kit';
import { loyaltyFail } from '../errors/index.js';
import { pointsBalanceOf, postPoints, type PointsErrorCode } from './points.js';
import { loadSettings, pointsFor } from './settings.js';
import { pointsEntry } from './tables.js';
import { multiplierOf } from './tiers.js';

const DAY = 86_400_000;

/**
 * Earns points for a completed order at the settings' rate and the member's
 * tier multiplier, expiring after the settings' days. Once per order: a second
 * call (also a concurrent one) answers the first entry with created false.
 * Runs in the caller's transaction `tx`.
 */
export async function earnPointsForOrder(
  tx: Db,
  input: { memberId: string; orderId: string; amountMinor: bigint; currency: string },
): Promise<Result<{ points: number; created: boolean; balance: number }, PointsErrorCode | 'CURRENCY_MISMATCH'>> {
  const settings = await loadSettings(tx);
  if (input.currency !== settings.currencyCode) {
    return loyaltyFail('CURRENCY_MISMATCH', ['input', 'currency'], { currency: settings.currencyCode });
  }
  const points = pointsFor(settings, input.amountMinor, await multiplierOf(tx, input.memberId));
  if (points <= 0) return ok({ points: 0, created: false, balance: await pointsBalanceOf(tx, input.memberId) });
  const posted = await postPoints(tx, {
    memberId: input.memberId, delta: points, reason: 'ORDER_EARN', sourceKind: 'ORDER', sourceId: input.orderId,
    basisMinor: input.amountMinor, expiresAt: new Date(Date.now() + settings.pointsExpireDays * DAY),
  });
  return posted.ok ? ok({ points: posted.value.entry.delta, created: posted.value.created, balance: posted.value.balance }) : posted;
}

/**
 * Spends points on an order and answers what they are worth. Refuses with
 * INSUFFICIENT_POINTS (nothing written, `tx` still usable) when the balance is
 * short, whatever runs concurrently. Once per order: a repeated call answers
 * the first redemption.
 */
export async function redeemPoints(
  tx: Db,
  input: { memberId: string; orderId: string; points: number },
): Promise<Result<{ points: number; value: MoneyValue; valueMinor: bigint; balance: number }, PointsErrorCode>> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0) {
    return loyaltyFail('INVALID_POINTS:positive', ['input', 'points']);
  }
  const settings = await loadSettings(tx);
  const posted = await postPoints(tx, {
    memberId: input.memberId, delta: -input.points, reason: 'REDEMPTION', sourceKind: 'ORDER', sourceId: input.orderId,
  });
  if (!posted.ok) return posted;
  const points = -posted.value.entry.delta;
  const valueMinor = BigInt(points) * settings.pointValueMinor;
  return ok({ points, valueMinor, value: money(valueMinor, settings.currencyCode), balance: posted.value.balance });
}

/**
 * Undoes an order's points on refund or cancellation: returns the points it
 * redeemed and takes back what it earned, as far as the balance allows (spent
 * points are not clawed below zero; `shortfall` says how many could not be).
 * Once per order.
 */
export async function reversePointsForOrder(
  tx: Db,
  input: { memberId: string; orderId: string },
): Promise<Result<{ returned: number; takenBack: number; shortfall: number; balance: number }, PointsErrorCode>> {
  const entries = await tx
    .select({ reason: pointsEntry.reason, delta: pointsEntry.delta, basisMinor: pointsEntry.basisMinor })
    .from(pointsEntry)
    .where(and(eq(pointsEntry.memberId, input.memberId), eq(pointsEntry.sourceKind, 'ORDER'), eq(pointsEntry.sourceId, input.orderId)));
  const of = (reason: string) => entries.find((e) => e.reason === reason);
  let returned = 0;
  const redeemed = of('REDEMPTION');
  if (redeemed && !of('REDEMPTION_REVERSAL')) {
    const posted = await postPoints(tx, { memberId: input.memberId, delta: -redeemed.delta, reason: 'REDEMPTION_REVERSAL', sourceKind: 'ORDER', sourceId: input.orderId });
    if (!posted.ok) return posted;
    returned = posted.value.created ? -redeemed.delta : 0;
  }
  let takenBack = 0;
  let shortfall = 0;
  const earned = of('ORDER_EARN');
  if (earned && !of('EARN_REVERSAL')) {
    const take = Math.min(earned.delta, await pointsBalanceOf(tx, input.memberId));
    shortfall = earned.delta - take;
    if (take > 0) {
      const posted = await postPoints(tx, {
        memberId: input.memberId, delta: -take, reason: 'EARN_REVERSAL', sourceKind: 'ORDER', sourceId: input.orderId, basisMinor: earned.basisMinor,
      });
      if (!posted.ok) return posted;
      takenBack = posted.value.created ? take : 0;
    }
  }
  return ok({ returned, takenBack, shortfall, balance: await pointsBalanceOf(tx, input.memberId) });
}

/**
 * Expires a member's points whose time has come, oldest first: what was
 * earned with an expiry up to `now`, less everything spent or expired so far
 * (spending uses the oldest points first), capped by the balance. Once per
 * member and day. Returns the points expired.
 */
export async function expirePoints(tx: Db, memberId: string, now: Date = new Date()): Promise<number> {
  const [row] = await tx
    .select({
      due: sql<string>`coalesce(sum(${pointsEntry.delta}) filter (where ${pointsEntry.delta} > 0 and ${lte(pointsEntry.expiresAt, now)}), 0)`,
      spent: sql<string>`coalesce(-sum(${pointsEntry.delta}) filter (where ${pointsEntry.delta} < 0), 0)`,
    })
    .from(pointsEntry)
    .where(eq(pointsEntry.memberId, memberId));
  const expiring = Math.min(Number(row!.due) - Number(row!.spent), await pointsBalanceOf(tx, memberId));
  if (expiring <= 0) return 0;
  const posted = await postPoints(tx, {
    memberId, delta: -expiring, reason: 'EXPIRY', sourceKind: 'SCHEDULE', sourceId: `${memberId}/${now.toISOString().slice(0, 10)}`,
  });
  return posted.ok && posted.value.created ? expiring : 0;
}
