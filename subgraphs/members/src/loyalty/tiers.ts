// Tier rules and re-evaluation: a member holds the highest tier whose spend or points in its window they reach.
import { and, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import { changeOf, failWith, ok, withTx, type ChangeRecord, type Db, type Result, type UserError } from '@shop/kit';
import { loyaltyError, loyaltyFail } from '../errors/index.js';
import { shopToday } from '@shop/kit/shop-time';
import { notifyMember } from '../notifications/index.js';
import { queueSegmentsRefresh } from '../segments/queue.js';
import { member, memberTier, type MemberTier } from '../tables.js';
import { pointsEntry, tierRule, type TierRuleRow } from './tables.js';

export const TIERS = memberTier.enumValues;

export interface TierRule {
  tier: MemberTier;
  basis: 'SPEND' | 'POINTS';
  threshold: bigint;
  windowDays: number;
  multiplierBp: number;
  benefits: string;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Rules until staff change them: spend in the settings' currency over a year; BRONZE is the floor. */
const DEFAULT_RULES: Record<MemberTier, Omit<TierRule, 'tier' | 'updatedBy' | 'updatedAt'>> = {
  BRONZE: { basis: 'SPEND', threshold: 0n, windowDays: 365, multiplierBp: 10_000, benefits: '' },
  SILVER: { basis: 'SPEND', threshold: 1_000_000n, windowDays: 365, multiplierBp: 12_500, benefits: '' },
  GOLD: { basis: 'SPEND', threshold: 3_000_000n, windowDays: 365, multiplierBp: 15_000, benefits: '' },
  PLATINUM: { basis: 'SPEND', threshold: 8_000_000n, windowDays: 365, multiplierBp: 20_000, benefits: '' },
};

const ruleOf = (row: TierRuleRow): TierRule => ({ ...row });

/** Every tier's rule, lowest tier first: stored rows, defaults for the rest. `tx` may be the pool. */
export async function loadTierRules(tx: Db): Promise<TierRule[]> {
  const stored = new Map((await tx.select().from(tierRule)).map((row) => [row.tier, ruleOf(row)]));
  return TIERS.map((tier) => stored.get(tier) ?? { tier, ...DEFAULT_RULES[tier], updatedBy: null, updatedAt: null });
}

export type TierRuleInput = Pick<TierRule, 'tier' | 'basis' | 'windowDays' | 'multiplierBp' | 'benefits'> & { threshold: string };
export type TierErrorCode = 'INVALID' | 'THRESHOLDS_NOT_ASCENDING';

const MAX_WINDOW_DAYS = 3_660;
const MAX_BENEFITS = 2_000;

function parseRule(input: TierRuleInput, index: number): Result<Omit<TierRule, 'updatedBy' | 'updatedAt'>, TierErrorCode> {
  const at = (field: string) => ['input', 'rules', String(index), field];
  const errors: UserError<TierErrorCode>[] = [];
  const threshold = /^\d{1,15}$/.test(input.threshold) ? BigInt(input.threshold) : null;
  if (threshold === null) errors.push(loyaltyError('INVALID:threshold', at('threshold')));
  if (!Number.isInteger(input.windowDays) || input.windowDays < 1 || input.windowDays > MAX_WINDOW_DAYS) {
    errors.push(loyaltyError('INVALID:windowDays', at('windowDays'), { max: MAX_WINDOW_DAYS }));
  }
  if (!Number.isInteger(input.multiplierBp) || input.multiplierBp < 1 || input.multiplierBp > 100_000) {
    errors.push(loyaltyError('INVALID:multiplier', at('multiplierBp'), { max: 100_000 }));
  }
  if (input.benefits.length > MAX_BENEFITS) errors.push(loyaltyError('INVALID:benefits', at('benefits'), { max: MAX_BENEFITS }));
  if (errors.length) return failWith(errors);
  return ok({ tier: input.tier, basis: input.basis, threshold: threshold!, windowDays: input.windowDays, multiplierBp: input.multiplierBp, benefits: input.benefits.trim() });
}

/**
 * Replaces the rules of the tiers given; a higher tier must ask more than a
 * lower one of the same basis and window. Records each change for the audit
 * row. `tx` is the mutation's transaction.
 */
export async function updateTierRules(
  tx: Db,
  input: { rules: TierRuleInput[] },
  actorId: string,
  changes: ChangeRecord[],
): Promise<Result<TierRule[], TierErrorCode>> {
  const parsed = input.rules.map(parseRule);
  const errors = parsed.flatMap((r) => (r.ok ? [] : r.errors));
  if (errors.length) return failWith(errors);
  const before = await loadTierRules(tx);
  const next = new Map(before.map((r) => [r.tier, r]));
  for (const r of parsed) if (r.ok) next.set(r.value.tier, { ...r.value, updatedBy: actorId, updatedAt: new Date() });
  const ordered = TIERS.map((t) => next.get(t)!);
  for (let i = 1; i < ordered.length; i++) {
    const [lower, higher] = [ordered[i - 1]!, ordered[i]!];
    if (lower.basis === higher.basis && lower.windowDays === higher.windowDays && higher.threshold <= lower.threshold) {
      return loyaltyFail('THRESHOLDS_NOT_ASCENDING', ['input', 'rules'], { higher: higher.tier, lower: lower.tier });
    }
  }
  for (const r of parsed) {
    if (!r.ok) continue;
    const values = { ...r.value, updatedBy: actorId, updatedAt: new Date() };
    await tx.insert(tierRule).values(values).onConflictDoUpdate({ target: tierRule.tier, set: values });
    const old = before.find((b) => b.tier === r.value.tier)!;
    const change = changeOf('TierRule', r.value.tier, jsonOf(old), jsonOf(values));
    if (change) changes.push(change);
  }
  return ok(await loadTierRules(tx));
}

const jsonOf = (r: Omit<TierRule, 'updatedBy' | 'updatedAt'>) => ({
  basis: r.basis, threshold: r.threshold.toString(), windowDays: r.windowDays, multiplierBp: r.multiplierBp, benefits: r.benefits,
});

/** Spend (earn bases net of reversals) and points earned per member since `since`. */
async function progressSince(tx: Db, memberIds: string[], since: Date) {
  const rows = await tx
    .select({
      memberId: pointsEntry.memberId,
      spend: sql<string>`coalesce(sum(case when ${pointsEntry.reason} = 'ORDER_EARN' then ${pointsEntry.basisMinor} when ${pointsEntry.reason} = 'EARN_REVERSAL' then -${pointsEntry.basisMinor} else 0 end), 0)`,
      points: sql<string>`coalesce(sum(${pointsEntry.delta}) filter (where ${pointsEntry.reason} in ('ORDER_EARN', 'EARN_REVERSAL')), 0)`,
    })
    .from(pointsEntry)
    .where(and(inArray(pointsEntry.memberId, memberIds), gte(pointsEntry.createdAt, since)))
    .groupBy(pointsEntry.memberId);
  return new Map(rows.map((r) => [r.memberId, { spend: BigInt(r.spend), points: BigInt(r.points) }]));
}

/**
 * Sets each member's tier to the highest one whose rule they meet now, tells
 * each member whose tier changed, and returns how many changed. `tx` may be the
 * pool (each member's update and message are one transaction).
 */
export async function reevaluateTiers(tx: Db, memberIds: string[], now: Date = new Date()): Promise<number> {
  if (!memberIds.length) return 0;
  const rules = await loadTierRules(tx);
  const windows = [...new Set(rules.map((r) => r.windowDays))];
  const progress = new Map(await Promise.all(windows.map(async (days) => [days, await progressSince(tx, memberIds, new Date(now.getTime() - days * 86_400_000))] as const)));
  let changed = 0;
  for (const memberId of memberIds) {
    let tier: MemberTier = 'BRONZE';
    for (const rule of rules) {
      const p = progress.get(rule.windowDays)!.get(memberId) ?? { spend: 0n, points: 0n };
      if ((rule.basis === 'SPEND' ? p.spend : p.points) >= rule.threshold) tier = rule.tier;
    }
    changed += await withTx(tx, async (memberTx) => {
      const updated = await memberTx
        .update(member)
        .set({ tier, updatedAt: now })
        .where(and(eq(member.id, memberId), sql`${member.tier} <> ${tier}`))
        .returning({ id: member.id });
      if (!updated.length) return 0;
      // In the tier's transaction: the member hears of exactly the changes that were kept.
      await notifyMember(memberTx, { memberId, template: 'tierChange', params: { tier }, idempotencyKey: `tier:${memberId}:${tier}:${shopToday(now)}` });
      return 1;
    });
  }
  // Tiers are a segment rule.
  if (changed) await queueSegmentsRefresh(tx);
  return changed;
}

const BATCH = 500;

/** Re-evaluates every member who is not archived, a batch at a time; returns how many changed tier. */
export async function reevaluateAllTiers(db: Db, now: Date = new Date()): Promise<number> {
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (
      await db.select({ id: member.id }).from(member).where(and(gt(member.id, after), sql`${member.archivedAt} is null`)).orderBy(member.id).limit(BATCH)
    ).map((r) => r.id);
    if (!ids.length) return changed;
    changed += await reevaluateTiers(db, ids, now);
    after = ids.at(-1)!;
  }
}

/** The earning multiplier of a member's current tier, in basis points. */
export async function multiplierOf(tx: Db, memberId: string): Promise<number> {
  const [row] = await tx.select({ tier: member.tier }).from(member).where(eq(member.id, memberId));
  if (!row) return 10_000;
  return (await loadTierRules(tx)).find((r) => r.tier === row.tier)!.multiplierBp;
}
