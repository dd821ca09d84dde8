// The pricing engine: one pure function from a cart and rules to prices and the why (contract in ./types.ts).
//
// Choices the contract leaves open, stated once:
// - Order: rules run by stage (ITEM, ORDER, SHIPPING, PAYMENT), then `priority` ascending, then `id`;
//   lines are handled in `key` order, so the result does not depend on the order the cart lists them in.
// - Combinability is cart-wide: a rule applies only when it combines with every rule already applied
//   (each lists the other's group in `combinesWith`), whatever lines either one touches. The first
//   conflicting rule is named in the NOT_COMBINABLE reason. Earlier rules win: priority decides.
// - Checks, in order: `blocked`, schedule, channel, member (sign-in, tier, segment), scope, minimum spend,
//   combinability, then the effect; an effect that takes nothing off is NO_BENEFIT.
// - Spend thresholds (`minSpendMinor`, TIERED_SPEND tiers) of ORDER rules compare with what the scoped lines
//   cost after the ITEM stage, so two ORDER rules never disqualify each other; ITEM rules compare with the
//   running amount, SHIPPING and PAYMENT rules with the goods after ITEM and ORDER rules.
// - Rounding: a percentage is computed once per adjustment on the whole amount it acts on and rounded
//   half up to a minor unit; the rounded amount is then spread over the lines.
// - Spreading: an adjustment's amount is spread over its lines in proportion to each line's weight (its
//   amount, or its share of the discounted units), each share rounded down; the remainder goes on the
//   largest line, and, when that line has nothing left to give (tiny amounts), on the next largest.
//   No line ever goes below zero, so no stage does either.
// - A stage decides what an effect acts on: ITEM and ORDER act on the scoped lines, SHIPPING on the
//   shipping fee, PAYMENT on what is left to pay. An effect that means nothing there is NO_BENEFIT.
import type {
  PricedCartLine,
  PricingAdjustment,
  PricingCart,
  PricingLine,
  PricingReason,
  PricingRejection,
  PricingResult,
  PricingRule,
  PricingStage,
} from './types.js';

const STAGES: readonly PricingStage[] = ['ITEM', 'ORDER', 'SHIPPING', 'PAYMENT'];
const BP = 10_000n;

/** Prices `cart` with `rules`: pure, deterministic, independent of the order of lines and rules. */
export function priceCart(cart: PricingCart, rules: readonly PricingRule[]): PricingResult {
  const lines = [...cart.lines].sort((a, b) => compareText(a.key, b.key));
  const remaining = new Map(lines.map((l) => [l.key, l.unitPriceMinor * BigInt(l.quantity)]));
  const subtotalMinor = sum(lines.map((l) => l.unitPriceMinor * BigInt(l.quantity)));
  const applied: PricingAdjustment[] = [];
  const appliedRules: PricingRule[] = [];
  const rejected: PricingRejection[] = [];
  let afterItems: ReadonlyMap<string, bigint> = new Map(remaining);
  let shippingMinor = 0n;
  let shippingLeft = 0n;
  let paidMinor = 0n;

  const ordered = [...rules].sort(
    (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.priority - b.priority || compareText(a.id, b.id),
  );
  let itemsDone = false;
  let goodsDone = false;
  for (const rule of ordered) {
    // Entering a stage: what earlier stages left is what this one starts from.
    if (rule.stage !== 'ITEM' && !itemsDone) {
      afterItems = new Map(remaining);
      itemsDone = true;
    }
    if (isAfterGoods(rule.stage) && !goodsDone) {
      shippingMinor = shippingFee(cart, sum(remaining.values()));
      shippingLeft = shippingMinor;
      goodsDone = true;
    }
    const reject = (reason: PricingReason) => rejected.push(rejectionOf(rule, reason));
    const ineligible = rule.blocked ?? eligibilityReason(cart, rule);
    if (ineligible) {
      reject(ineligible);
      continue;
    }
    const scoped = isAfterGoods(rule.stage) ? lines : lines.filter((l) => inScope(rule, l));
    if (scoped.length === 0 || (isAfterGoods(rule.stage) && rule.scope.kind !== 'ALL' && !lines.some((l) => inScope(rule, l)))) {
      reject({ code: 'NOTHING_IN_SCOPE', params: {} });
      continue;
    }
    const base = rule.stage === 'ORDER' ? afterItems : remaining;
    const spend = sum(scoped.filter((l) => inScope(rule, l)).map((l) => base.get(l.key)!));
    const minSpend = rule.conditions.minSpendMinor;
    if (minSpend !== undefined && spend < minSpend) {
      reject(minSpendReason(cart, minSpend - spend, minSpend, fixedOffOf(rule)));
      continue;
    }
    const conflict = appliedRules.find((other) => !combines(rule, other));
    if (conflict) {
      reject({ code: 'NOT_COMBINABLE', params: { withRuleId: conflict.id, withTitle: titleOf(conflict) } });
      continue;
    }
    const outcome = effectAmount(rule, { cart, scoped, remaining, spend, shippingLeft, paidMinor });
    if ('reason' in outcome) {
      reject(outcome.reason);
      continue;
    }
    const { amountMinor, weights } = outcome;
    if (amountMinor <= 0n) {
      reject({ code: 'NO_BENEFIT', params: {} });
      continue;
    }
    let spread: { key: string; amountMinor: bigint }[] = [];
    if (rule.stage === 'SHIPPING') shippingLeft -= amountMinor;
    else if (rule.stage === 'PAYMENT') paidMinor += amountMinor;
    else {
      spread = spreadAmount(amountMinor, weights!, remaining);
      for (const share of spread) remaining.set(share.key, remaining.get(share.key)! - share.amountMinor);
    }
    applied.push({
      ruleId: rule.id, source: rule.source, stage: rule.stage, title: titleOf(rule), titles: rule.title,
      amountMinor, lines: spread,
    });
    appliedRules.push(rule);
  }
  if (!goodsDone) {
    shippingMinor = shippingFee(cart, sum(remaining.values()));
    shippingLeft = shippingMinor;
  }

  const discountByKey = new Map<string, bigint>();
  for (const adjustment of applied) {
    for (const share of adjustment.lines) discountByKey.set(share.key, (discountByKey.get(share.key) ?? 0n) + share.amountMinor);
  }
  const pricedLines: PricedCartLine[] = cart.lines.map((line) => {
    const lineSubtotal = line.unitPriceMinor * BigInt(line.quantity);
    const discountMinor = discountByKey.get(line.key) ?? 0n;
    return {
      key: line.key, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor,
      subtotalMinor: lineSubtotal, discountMinor, totalMinor: lineSubtotal - discountMinor,
    };
  });
  const discountMinor = sum(discountByKey.values());
  const shippingDiscountMinor = shippingMinor - shippingLeft;
  return {
    currencyCode: cart.currencyCode,
    lines: pricedLines,
    subtotalMinor,
    discountMinor,
    shippingMinor,
    shippingDiscountMinor,
    paidMinor,
    totalMinor: max0(subtotalMinor - discountMinor + shippingMinor - shippingDiscountMinor - paidMinor),
    applied,
    rejected,
  };
}

/** Rounds `amount × bp / 10000` half up (amounts are never negative here). */
export function percentOf(amountMinor: bigint, percentBp: number): bigint {
  return (amountMinor * BigInt(percentBp) + BP / 2n) / BP;
}

interface EffectInput {
  cart: PricingCart;
  scoped: readonly PricingLine[];
  remaining: ReadonlyMap<string, bigint>;
  /** What the scoped lines cost, as thresholds see it (see the header). */
  spend: bigint;
  shippingLeft: bigint;
  paidMinor: bigint;
}

type EffectOutcome = { amountMinor: bigint; weights?: Map<string, bigint> } | { reason: PricingReason };

function effectAmount(rule: PricingRule, input: EffectInput): EffectOutcome {
  const { effect } = rule;
  if (rule.stage === 'SHIPPING') {
    if (effect.kind === 'FREE_SHIPPING') return { amountMinor: min(input.shippingLeft, effect.capMinor ?? input.shippingLeft) };
    if (effect.kind === 'FIXED_OFF') return { amountMinor: min(input.shippingLeft, effect.amountMinor) };
    if (effect.kind === 'PERCENT_OFF') return { amountMinor: capped(percentOf(input.shippingLeft, effect.percentBp), effect.capMinor, input.shippingLeft) };
    return { amountMinor: 0n };
  }
  if (rule.stage === 'PAYMENT') {
    const due = max0(sum(input.remaining.values()) + input.shippingLeft - input.paidMinor);
    return { amountMinor: effect.kind === 'PAYMENT' ? min(max0(effect.amountMinor), due) : 0n };
  }
  const current = new Map(input.scoped.map((l) => [l.key, input.remaining.get(l.key)!]));
  const available = sum(current.values());
  switch (effect.kind) {
    case 'PERCENT_OFF':
      return { amountMinor: capped(percentOf(available, effect.percentBp), effect.capMinor, available), weights: current };
    case 'FIXED_OFF':
      return { amountMinor: min(max0(effect.amountMinor), available), weights: current };
    case 'TIERED_SPEND': {
      const tiers = [...effect.tiers].sort((a, b) => compareBig(a.thresholdMinor, b.thresholdMinor));
      const reached = tiers.filter((t) => t.thresholdMinor <= input.spend).at(-1);
      if (!reached) {
        const next = tiers[0];
        if (!next) return { amountMinor: 0n };
        return { reason: minSpendReason(input.cart, next.thresholdMinor - input.spend, next.thresholdMinor, next.offMinor) };
      }
      return { amountMinor: min(max0(reached.offMinor), available), weights: current };
    }
    case 'UNIT_PRICE': {
      const weights = new Map<string, bigint>();
      for (const line of input.scoped) {
        const units = BigInt(Math.min(line.quantity, effect.maxQuantity ?? line.quantity));
        const off = min(max0(line.unitPriceMinor - effect.unitPriceMinor) * units, current.get(line.key)!);
        if (off > 0n) weights.set(line.key, off);
      }
      return { amountMinor: sum(weights.values()), weights };
    }
    case 'BUY_X_GET_Y': {
      const totalUnits = sum(input.scoped.map((l) => BigInt(l.quantity)));
      const groupSize = BigInt(effect.buy + effect.get);
      if (effect.get <= 0 || groupSize <= 0n) return { amountMinor: 0n };
      let discounted = (totalUnits / groupSize) * BigInt(effect.get);
      const cheapestFirst = [...input.scoped].sort(
        (a, b) => compareBig(a.unitPriceMinor, b.unitPriceMinor) || compareText(a.key, b.key),
      );
      const weights = new Map<string, bigint>();
      for (const line of cheapestFirst) {
        if (discounted <= 0n) break;
        const units = min(BigInt(line.quantity), discounted);
        discounted -= units;
        weights.set(line.key, units * line.unitPriceMinor);
      }
      return unitsOff(weights, effect.percentBp, current);
    }
    case 'NTH_ITEM_PERCENT': {
      if (effect.nth <= 0) return { amountMinor: 0n };
      const weights = new Map<string, bigint>();
      for (const line of input.scoped) {
        const units = BigInt(Math.floor(line.quantity / effect.nth));
        if (units > 0n) weights.set(line.key, units * line.unitPriceMinor);
      }
      return unitsOff(weights, effect.percentBp, current);
    }
    default:
      return { amountMinor: 0n };
  }
}

/** `percentBp` off the value of the chosen units, rounded once, never more than those lines have left. */
function unitsOff(weights: Map<string, bigint>, percentBp: number, current: ReadonlyMap<string, bigint>): EffectOutcome {
  const room = sum([...weights.keys()].map((key) => current.get(key)!));
  return { amountMinor: min(percentOf(sum(weights.values()), percentBp), room), weights };
}

/**
 * Spreads `amount` over the weighted lines: proportional shares rounded down, each at most what the line has
 * left; the remainder on the largest line first (then the next largest). The shares sum to `amount`, which
 * the caller keeps at most what the weighted lines have left.
 */
function spreadAmount(
  amount: bigint,
  weights: ReadonlyMap<string, bigint>,
  remaining: ReadonlyMap<string, bigint>,
): { key: string; amountMinor: bigint }[] {
  const keys = [...weights.keys()].sort(compareText);
  const total = sum(weights.values());
  const shares = new Map<string, bigint>();
  for (const key of keys) {
    shares.set(key, total > 0n ? min((amount * weights.get(key)!) / total, remaining.get(key)!) : 0n);
  }
  let left = amount - sum(shares.values());
  const largestFirst = [...keys].sort((a, b) => compareBig(weights.get(b)!, weights.get(a)!) || compareText(a, b));
  for (const key of largestFirst) {
    if (left <= 0n) break;
    const extra = min(left, remaining.get(key)! - shares.get(key)!);
    shares.set(key, shares.get(key)! + extra);
    left -= extra;
  }
  return keys.filter((key) => shares.get(key)! > 0n).map((key) => ({ key, amountMinor: shares.get(key)! }));
}

function eligibilityReason(cart: PricingCart, rule: PricingRule): PricingReason | null {
  const c = rule.conditions;
  if (c.startsAt && cart.at < c.startsAt) return { code: 'NOT_STARTED', params: { startsAt: c.startsAt.toISOString() } };
  if (c.endsAt && cart.at >= c.endsAt) return { code: 'ENDED', params: { endsAt: c.endsAt.toISOString() } };
  if (c.channels && c.channels.length > 0 && !c.channels.includes(cart.channel)) {
    return { code: 'CHANNEL_NOT_ELIGIBLE', params: { channel: cart.channel } };
  }
  const needsMember = c.memberOnly || (c.tiers?.length ?? 0) > 0 || (c.segmentIds?.length ?? 0) > 0;
  if (needsMember && !cart.member) return { code: 'SIGN_IN_REQUIRED', params: {} };
  if (cart.member && c.tiers && c.tiers.length > 0 && !c.tiers.includes(cart.member.tier)) {
    return { code: 'TIER_NOT_ELIGIBLE', params: { tiers: c.tiers.join(',') } };
  }
  if (cart.member && c.segmentIds && c.segmentIds.length > 0 && !c.segmentIds.some((id) => cart.member!.segmentIds.includes(id))) {
    return { code: 'SEGMENT_NOT_ELIGIBLE', params: {} };
  }
  return null;
}

function minSpendReason(cart: PricingCart, missing: bigint, threshold: bigint, off: bigint | null): PricingReason {
  const params: Record<string, string> = { missingMinor: String(missing), thresholdMinor: String(threshold), currencyCode: cart.currencyCode };
  if (off !== null) params.offMinor = String(off);
  return { code: 'MIN_SPEND_NOT_MET', params };
}

function fixedOffOf(rule: PricingRule): bigint | null {
  return rule.effect.kind === 'FIXED_OFF' ? rule.effect.amountMinor : null;
}

function inScope(rule: PricingRule, line: PricingLine): boolean {
  const { scope } = rule;
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'PRODUCTS':
      return scope.ids.includes(line.productId);
    case 'CATEGORIES':
      return line.categoryIds.some((id) => scope.ids.includes(id));
    case 'COLLECTIONS':
      return line.collectionIds.some((id) => scope.ids.includes(id));
    case 'VARIANTS':
      return scope.ids.includes(line.key);
  }
}

/** Both ways: each rule lists the other's group. */
function combines(a: PricingRule, b: PricingRule): boolean {
  return a.combinesWith.includes(b.group) && b.combinesWith.includes(a.group);
}

/** The shipping fee, waived when the goods after ITEM and ORDER rules reach the method's threshold. */
function shippingFee(cart: PricingCart, goodsMinor: bigint): bigint {
  const { feeMinor, freeFromMinor } = cart.shipping;
  if (freeFromMinor !== null && goodsMinor >= freeFromMinor) return 0n;
  return max0(feeMinor);
}

function rejectionOf(rule: PricingRule, reason: PricingReason): PricingRejection {
  return { ruleId: rule.id, source: rule.source, title: titleOf(rule), titles: rule.title, reason };
}

function titleOf(rule: PricingRule): string {
  return rule.title.en ?? Object.values(rule.title)[0] ?? rule.id;
}

const isAfterGoods = (stage: PricingStage | null) => stage === 'SHIPPING' || stage === 'PAYMENT';
const capped = (amount: bigint, cap: bigint | undefined, limit: bigint) => min(min(amount, cap ?? amount), limit);
const sum = (values: Iterable<bigint>) => {
  let total = 0n;
  for (const v of values) total += v;
  return total;
};
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max0 = (a: bigint) => (a > 0n ? a : 0n);
const compareBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
