// Flash sales as a pricing rule source: flash unit prices for the cart's variants, quota taken at
// checkout and given back when the order is cancelled or expires unpaid.
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { anyId, ok, type Db, type Result } from '@shop/kit';
import type { CommitOutcome, PlacedPricing, PricingRequest, RuleSource } from '../pricing/sources.js';
import type { PricingReason, PricingRule } from '../pricing/types.js';
import { flashSaleError, type FlashSaleError } from '../errors/index.js';
import { memberUsesOf, releaseQuota, remainingOf, takeQuota, useMemberLimit } from './quota.js';
import { knownSoldOut } from './sold-out.js';
import { flashSale, flashSaleItem, type FlashSaleItemRow, type FlashSaleRow } from './tables.js';

export const FLASH_RULE_PREFIX = 'flash:';
/** A flash price never stacks with a promotion, a coupon or another flash price; points and store credit still pay. */
const COMBINES_WITH = ['POINTS', 'STORE_CREDIT'] as const;
/** Sessions starting this soon are offered too, so the explanation can say when the flash price begins. */
const UPCOMING_MS = 24 * 3_600_000;

interface Offer {
  item: FlashSaleItemRow;
  sale: FlashSaleRow;
}

/** The live items (not removed, session not archived) for the variants, whose session ends after `from` and starts before `to`. */
async function offersFor(tx: Db, variantIds: readonly string[], from: Date, to: Date): Promise<Offer[]> {
  if (!variantIds.length) return [];
  return tx
    .select({ item: flashSaleItem, sale: flashSale })
    .from(flashSaleItem)
    .innerJoin(flashSale, eq(flashSale.id, flashSaleItem.flashSaleId))
    .where(and(anyId(flashSaleItem.variantId, variantIds), isNull(flashSaleItem.removedAt), isNull(flashSale.archivedAt), gt(flashSale.endsAt, from), lt(flashSale.startsAt, to)))
    .orderBy(flashSaleItem.id);
}

const isRunning = (sale: FlashSaleRow, at: Date) => sale.startsAt <= at && at < sale.endsAt;

/**
 * One UNIT_PRICE rule per variant of the cart in a running or upcoming
 * session. The engine checks the window, channels and sign-in (an item with
 * a per-member limit is for signed-in members only: a guest's purchases
 * cannot be counted); this source adds what only it knows: SOLD_OUT when no
 * unit is left, LIMIT_REACHED when the member bought their limit, and caps
 * `maxQuantity` at what the member may still buy and what is left.
 */
async function rules(tx: Db, request: PricingRequest): Promise<PricingRule[]> {
  const { cart } = request;
  const offers = await offersFor(tx, [...new Set(cart.lines.map((l) => l.key))], cart.at, new Date(cart.at.getTime() + UPCOMING_MS));
  if (!offers.length) return [];
  const running = offers.filter((o) => isRunning(o.sale, cart.at) && o.item.currencyCode.trim() === cart.currencyCode);
  const [remaining, used] = await Promise.all([
    remainingOf(tx, running.filter((o) => !knownSoldOut(o.item.id)).map((o) => o.item.id)),
    cart.member ? memberUsesOf(tx, cart.member.id, running.filter((o) => o.item.perMemberLimit !== null).map((o) => o.item.id)) : new Map<string, number>(),
  ]);
  return offers.map(({ item, sale }) => {
    const left = remaining.get(item.id) ?? 0;
    const limitLeft = item.perMemberLimit === null ? Infinity : item.perMemberLimit - (used.get(item.id) ?? 0);
    let blocked: PricingReason | undefined;
    if (item.currencyCode.trim() !== cart.currencyCode) blocked = { code: 'CURRENCY_MISMATCH', params: {} };
    else if (isRunning(sale, cart.at) && left <= 0) blocked = { code: 'SOLD_OUT', params: {} };
    else if (cart.member && limitLeft <= 0) blocked = { code: 'LIMIT_REACHED', params: { limit: String(item.perMemberLimit) } };
    const maxQuantity = Math.min(limitLeft, isRunning(sale, cart.at) ? left : Infinity);
    return {
      id: `${FLASH_RULE_PREFIX}${item.id}`,
      source: 'FLASH_SALE',
      title: sale.titles,
      stage: 'ITEM',
      priority: 0,
      scope: { kind: 'VARIANTS', ids: [item.variantId] },
      effect: { kind: 'UNIT_PRICE', unitPriceMinor: item.flashPriceMinor, ...(Number.isFinite(maxQuantity) && maxQuantity > 0 ? { maxQuantity } : {}) },
      group: 'FLASH_SALE',
      combinesWith: COMBINES_WITH,
      conditions: {
        startsAt: sale.startsAt,
        endsAt: sale.endsAt,
        ...(sale.channels.length ? { channels: sale.channels } : {}),
        ...(item.perMemberLimit !== null ? { memberOnly: true } : {}),
      },
      ...(blocked ? { blocked } : {}),
    } satisfies PricingRule;
  });
}

/**
 * How many units of a line the applied flash price covered: the adjustment is
 * (list − flash) × units exactly, so any other amount means the item changed
 * since the cart was priced (PRICE_CHANGED, the checkout rolls back).
 */
function unitsCovered(amountMinor: bigint, listMinor: bigint, flashMinor: bigint, quantity: number): number | null {
  const off = listMinor - flashMinor;
  if (off <= 0n || amountMinor % off !== 0n) return null;
  const units = Number(amountMinor / off);
  return units >= 1 && units <= quantity ? units : null;
}

/**
 * At placement, in the checkout's transaction: for every flash price the
 * order got, counts the units against the member's limit (their row first:
 * it is not contended) and then takes them from the item's quota (admission
 * in quota.ts). SOLD_OUT or LIMIT_REACHED when a parallel order got there
 * first. The order must be paid within the shortest payment timeout of its sessions.
 */
async function commit(tx: Db, placed: PlacedPricing): Promise<Result<CommitOutcome, string>> {
  const applied = placed.result.applied.filter((a) => a.ruleId.startsWith(FLASH_RULE_PREFIX));
  if (!applied.length) return ok({});
  const itemIds = applied.map((a) => a.ruleId.slice(FLASH_RULE_PREFIX.length));
  const offers = new Map(
    (
      await tx
        .select({ item: flashSaleItem, sale: flashSale })
        .from(flashSaleItem)
        .innerJoin(flashSale, eq(flashSale.id, flashSaleItem.flashSaleId))
        .where(anyId(flashSaleItem.id, itemIds))
    ).map((o) => [o.item.id, o]),
  );
  const lines = new Map(placed.request.cart.lines.map((l) => [l.key, l]));
  const errors: FlashSaleError[] = [];
  let timeout = Infinity;
  // Items in id order: two orders with the same flash items lock their rows in the same order.
  for (const adjustment of [...applied].sort((a, b) => a.ruleId.localeCompare(b.ruleId))) {
    const offer = offers.get(adjustment.ruleId.slice(FLASH_RULE_PREFIX.length));
    const line = adjustment.lines[0] && lines.get(adjustment.lines[0].key);
    if (!offer || !line || offer.item.removedAt || offer.sale.archivedAt || !isRunning(offer.sale, placed.request.cart.at)) {
      errors.push(flashSaleError('PRICE_CHANGED', null));
      break;
    }
    const units = unitsCovered(adjustment.amountMinor, line.unitPriceMinor, offer.item.flashPriceMinor, line.quantity);
    if (units === null) {
      errors.push(flashSaleError('PRICE_CHANGED', null));
      break;
    }
    const { item, sale } = offer;
    if (item.perMemberLimit !== null && (!placed.memberId || !(await useMemberLimit(tx, item.id, placed.memberId, units, item.perMemberLimit)))) {
      errors.push(flashSaleError('LIMIT_REACHED', null, { limit: item.perMemberLimit }));
      break;
    }
    if (!(await takeQuota(tx, { orderId: placed.orderId, itemId: item.id, bucketCount: item.bucketCount, quantity: units, memberId: placed.memberId }))) {
      errors.push(flashSaleError('SOLD_OUT', null));
      break;
    }
    timeout = Math.min(timeout, sale.paymentTimeoutMinutes);
  }
  if (errors.length) return { ok: false, errors };
  return ok(Number.isFinite(timeout) ? { paymentTimeoutMinutes: timeout } : {});
}

/** When a flash order is cancelled, closed or expires unpaid: its units go back to the quota and the member's count, once. */
async function release(tx: Db, orderId: string): Promise<void> {
  await releaseQuota(tx, orderId);
}

export const flashSaleSource: RuleSource = { name: 'flash-sales', rules, commit, release };

