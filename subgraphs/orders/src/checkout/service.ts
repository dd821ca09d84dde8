// Checkout: turning a cart into a placed order in one transaction (stock reserved, products recorded).
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { callersLocale, money, ok, reissued, type Db, type Principal, type UserError } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { enqueue } from '@shop/kit/jobs';
import { commitPricing, couponRuleId, renderReason, type PricingResult } from '@shop/coupons/commands';
import { variantsForCheckout } from '@shop/products/commands';
import { reserve } from '@shop/stock/commands';
import { addressColumnsOf, type AddressColumns } from '../addresses/index.js';
import { cartFor, cartMerged, claimCart, completeCart, linesOf } from '../cart/index.js';
import { enqueueOrderFacts } from '../facts/index.js';
import { evaluateFlags } from '../flags/index.js';
import { boughtInGroup, holdForGroupBuy } from '../group-buys/index.js';
import { actorOf, addOrderHistory, type OrderActor } from '../history/index.js';
import { EXPIRE_UNPAID_TASK, paymentTimeoutMinutes } from '../lifecycle/index.js';
import { createPendingPayment } from '../payments/index.js';
import { redeemForOrder, type PointsErrorCode } from '../points/index.js';
import { paidBy, priceOrder, snapshotOf, subtotalOf, type ShippingMethod } from '../pricing/index.js';
import { payWithStoreCredit, STORE_CREDIT_RULE, storeCreditOffer, type StoreCreditErrorCode } from '../store-credit/index.js';
import { order, orderLine, type OrderChannel, type OrderRow } from '../tables.js';
import { checkoutKey } from './tables.js';
import { checkoutError, checkoutFail } from '../errors/index.js';

export type CheckoutErrorCode =
  | 'NOT_FOUND'
  | 'INVALID'
  | 'NOT_SELLABLE'
  | 'SOLD_OUT'
  | 'INSUFFICIENT_STOCK'
  | 'CART_EMPTY'
  | 'CART_COMPLETED'
  | 'CART_MERGED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PRICING_CHANGED'
  | 'COUPON_NOT_APPLICABLE'
  | PointsErrorCode
  | StoreCreditErrorCode;

export type CheckoutUserError = UserError<CheckoutErrorCode> & { availableQuantity?: number };
export type CheckoutResult<T> = { ok: true; value: T } | { ok: false; errors: CheckoutUserError[] };

export type PaymentProvider = 'MANUAL' | 'SANDBOX';

/** Everything needed to place one order, whatever the channel. */
export interface OrderDraft {
  channel: OrderChannel;
  memberId: string | null;
  currencyCode: string;
  lines: readonly { variantId: string; quantity: number; unitPriceMinor?: bigint | null }[];
  /** Where an error about line i points, e.g. ['input', 'lines', '0']. */
  lineField: (index: number) => string[];
  address: AddressColumns;
  shippingMethod: ShippingMethod | null;
  /** A shipping price set elsewhere (marketplace); the method's rule otherwise. */
  shippingMinor?: bigint | null;
  paymentProvider: PaymentProvider;
  /** Whether the unpaid-expiry job watches the order (not for till sales or marketplaces). */
  expiresUnpaid: boolean;
  cartId?: string | null;
  marketplace?: string | null;
  externalOrderId?: string | null;
  actor: OrderActor;
  note?: string | null;
  /** Points of the member to spend on the order (a signed-in customer's checkout only). */
  pointsToRedeem?: number | null;
  /** Whether the member's store credit pays what is left, up to their balance (a signed-in customer's checkout only). */
  useStoreCredit?: boolean;
  /** The group buy the order joins or opens (a signed-in customer's checkout only). */
  groupBuy?: GroupBuyChoice | null;
  /** Coupon codes applied to the cart, priced by coupons' engine; one that no longer applies refuses the order. */
  couponCodes?: readonly string[];
  /** The caller's Accept-Language, for the reasons in userErrors. */
  acceptLanguage?: string | null;
  /** Writes that belong with the order (cart consumed, idempotency key), run before the stock is locked. */
  onPlaced?: (row: OrderRow) => Promise<void>;
}

/**
 * Places an order in the caller's transaction: snapshots each line from the
 * catalog, prices it, writes the order, its lines, its history, its pending
 * payment, its follow-up jobs, runs the placement flag rules, and reserves the
 * stock LAST (the stock rows stay locked only from there to the commit: a hot
 * stock row under concurrent checkouts is the bottleneck). A sold-out line fails the whole thing: the caller rolls back.
 */
export async function placeOrder(tx: Db, draft: OrderDraft): Promise<CheckoutResult<OrderRow>> {
  const variants = await variantsForCheckout(tx, draft.lines.map((l) => l.variantId));
  const errors: CheckoutUserError[] = [];
  const snapshots = draft.lines.map((line, i) => {
    const variant = variants.get(line.variantId.toLowerCase());
    const field = [...draft.lineField(i), 'variantId'];
    if (!variant) errors.push(checkoutError('NOT_FOUND:variant', field));
    else if (!variant.sellable) errors.push(checkoutError('NOT_SELLABLE', field, { product: variant.productTitle, sku: variant.sku }));
    else if (variant.currencyCode !== draft.currencyCode) {
      errors.push(checkoutError('INVALID:currency', field, { sku: variant.sku, variantCurrency: variant.currencyCode, currency: draft.currencyCode }));
    }
    return variant;
  });
  if (errors.length) return { ok: false, errors };
  const lines = draft.lines.map((line, i) => {
    const variant = snapshots[i]!;
    return { ...line, variant, unitPriceMinor: line.unitPriceMinor ?? variant.priceMinor };
  });
  const priced = lines.map((l) => ({
    variantId: l.variant.variantId, productId: l.variant.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor,
  }));
  // The id comes first: members' ledger keys the redemption by it.
  const orderId = randomUUID();
  const points = draft.pointsToRedeem && draft.memberId ? draft.pointsToRedeem : 0;
  const creditOffer = draft.useStoreCredit ? await storeCreditOffer(tx, draft.memberId, draft.currencyCode) : 0n;
  // Priced in this transaction, by the same engine as the cart: the price shown is the price charged.
  const pricing = await priceOrder(tx, {
    currencyCode: draft.currencyCode,
    channel: draft.channel,
    memberId: draft.memberId,
    lines: priced,
    shippingMethod: draft.shippingMethod,
    shippingMinor: draft.shippingMinor,
    couponCodes: draft.couponCodes ?? [],
    pointsToRedeem: points,
    storeCreditMinor: creditOffer,
    groupBuy: draft.groupBuy ?? null,
  });
  const unapplied = couponsNotApplying(pricing.result, draft.couponCodes ?? [], draft.acceptLanguage);
  if (unapplied.length) return { ok: false, errors: unapplied };
  let redemption = null;
  if (points && draft.memberId) {
    const redeemed = await redeemForOrder(tx, {
      memberId: draft.memberId, orderId, points, subtotalMinor: subtotalOf(priced), currencyCode: draft.currencyCode,
    });
    if (!redeemed.ok) return redeemed;
    redemption = redeemed.value;
    // The ledger took every point asked for: the order must be able to use all of what they are worth.
    if (paidBy(pricing.result, 'points') !== redemption.valueMinor) {
      const worth = money(redemption.valueMinor, draft.currencyCode);
      return checkoutFail('POINTS_EXCEED_ORDER', ['input', 'pointsToRedeem'], { points, worth: worth.amount, currency: worth.currencyCode });
    }
  }
  if (draft.memberId) {
    const credit = await payWithStoreCredit(tx, {
      memberId: draft.memberId, orderId, amountMinor: paidBy(pricing.result, STORE_CREDIT_RULE), currencyCode: draft.currencyCode,
    });
    if (!credit.ok) return credit;
  }
  const totals = pricing.totals;
  const [placed] = await tx
    .insert(order)
    .values({
      id: orderId,
      number: sql`'SO-' || nextval('orders.order_number_seq')`,
      memberId: draft.memberId,
      channel: draft.channel,
      status: 'PENDING_PAYMENT',
      ...totals,
      pointsRedeemed: redemption?.points ?? 0,
      pointsDiscountMinor: redemption?.valueMinor ?? 0n,
      pricing: snapshotOf(pricing.result),
      currencyCode: draft.currencyCode,
      shippingMethod: draft.shippingMethod,
      ...draft.address,
      marketplace: draft.marketplace ?? null,
      externalOrderId: draft.externalOrderId ?? null,
      cartId: draft.cartId ?? null,
    })
    .returning();
  const row = placed!;
  await tx.insert(orderLine).values(
    lines.map((l, position) => ({
      orderId: row.id,
      variantId: l.variant.variantId,
      productId: l.variant.productId,
      sku: l.variant.sku,
      title: l.variant.variantTitle ? `${l.variant.productTitle} — ${l.variant.variantTitle}` : l.variant.productTitle,
      productTitle: l.variant.productTitle,
      variantTitle: l.variant.variantTitle,
      options: l.variant.options,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      currencyCode: draft.currencyCode,
      position,
    })),
  );
  await addOrderHistory(tx, { orderId: row.id, actor: draft.actor, kind: 'PLACED', to: row.status, note: draft.note });
  await publishEvent(tx, {
    type: 'order.created',
    subject: { orderId: row.id, orderNumber: row.number, memberId: row.memberId },
    data: { status: row.status, channel: row.channel, total: money(row.totalMinor, row.currencyCode).amount, currencyCode: row.currencyCode },
  });
  await createPendingPayment(tx, {
    orderId: row.id,
    provider: draft.paymentProvider,
    amountMinor: row.totalMinor,
    currencyCode: row.currencyCode,
  });
  await evaluateFlags(tx, row.id, 'PLACEMENT');
  // Makes what the price counted on binding (coupon redeemed, flash quota taken); a refusal rolls the order back.
  const committed = await commitPricing(tx, { orderId: row.id, memberId: draft.memberId, request: pricing.request, result: pricing.result });
  if (!committed.ok) return { ok: false, errors: committed.errors.map((e) => reissued(e, { code: 'PRICING_CHANGED' as const })) };
  // Bought at a group price: held from fulfilment until the group fills (group-buys/).
  if (boughtInGroup(pricing.result.applied)) await holdForGroupBuy(tx, row.id);
  if (draft.expiresUnpaid) {
    // A flash-sale order may have to be paid sooner than the shop's usual timeout.
    const minutes = Math.min(paymentTimeoutMinutes(), committed.value.paymentTimeoutMinutes ?? Infinity);
    await enqueue(
      tx,
      EXPIRE_UNPAID_TASK,
      { orderId: row.id },
      { jobKey: `order-expiry:${row.id}`, runAt: new Date(Date.now() + minutes * 60_000) },
    );
  }
  await enqueueOrderFacts(tx, row);
  await draft.onPlaced?.(row);
  const reserved = await reserve(tx, lines.map((l) => ({ variantId: l.variant.variantId, quantity: l.quantity })), row.id);
  if (!reserved.ok) return { ok: false, errors: reserved.errors.map((e) => stockError(e, lines, draft.lineField)) };
  return ok(row);
}

/**
 * The cart's codes the price could not use, each a COUPON_NOT_APPLICABLE with the engine's reason in the
 * caller's language: the buyer sees why, removes the code and checks out again, rather than paying a price
 * without a discount they expected.
 */
function couponsNotApplying(result: PricingResult, codes: readonly string[], acceptLanguage: string | null | undefined): CheckoutUserError[] {
  const locale = callersLocale(acceptLanguage);
  return codes.flatMap((code, i) => {
    const rejection = result.rejected.find((r) => r.source === 'COUPON' && r.ruleId === couponRuleId(code));
    if (!rejection) return [];
    const message = `${code}: ${renderReason(rejection.reason, locale, result.currencyCode)}`;
    return [{ field: ['cart', 'couponCodes', String(i)], code: 'COUPON_NOT_APPLICABLE' as const, message }];
  });
}

/** A stock refusal as the buyer should read it: which line, and how many are left. */
function stockError(
  error: UserError & { availableQuantity?: number },
  lines: readonly { quantity: number; variant: { sku: string; productTitle: string; variantTitle: string } }[],
  lineField: (index: number) => string[],
): CheckoutUserError {
  // Stock names the first input line of the variant: ['input', 'lines', i, 'quantity'].
  const index = Number(error.field?.[2]);
  const line = Number.isInteger(index) ? lines[index] : undefined;
  if (error.code !== 'INSUFFICIENT_STOCK' || !line) {
    return checkoutError('INVALID:stock', line ? lineField(index) : null);
  }
  const available = error.availableQuantity ?? 0;
  const name = `${line.variant.productTitle}${line.variant.variantTitle ? ` (${line.variant.variantTitle})` : ''}, SKU ${line.variant.sku}`;
  return available === 0
    ? reissued(checkoutError('SOLD_OUT', lineField(index), { product: name }), { availableQuantity: 0 })
    : reissued(checkoutError('INSUFFICIENT_STOCK', lineField(index), { available, product: name, wanted: line.quantity }), { availableQuantity: available });
}

/** The scope an idempotency key lives in: keys of different callers never collide. */
function keyScope(principal: Principal): string {
  switch (principal.kind) {
    case 'customer':
      return `member:${principal.memberId}`;
    case 'staff':
      return `staff:${principal.staffId}`;
    case 'partner':
      return `partner:${principal.apiKeyId}`;
    case 'anonymous':
      // Guests share a scope; a key only ever answers for the cart it was first used with.
      return 'guest';
  }
}

/** Points, store credit and a group buy join the hash only when asked for, so keys used before them still match their requests. */
const requestHash = (cartId: string, provider: PaymentProvider, points: number, useStoreCredit: boolean, groupBuy: GroupBuyChoice | null) =>
  createHash('sha256')
    .update(
      `${cartId.toLowerCase()}|${provider}${points ? `|points:${points}` : ''}${useStoreCredit ? '|credit' : ''}${groupBuy ? `|group:${JSON.stringify(groupBuy)}` : ''}`,
    )
    .digest('hex');

/** A group-buy choice as the pricing request carries it. */
export type GroupBuyChoice = { groupId: string } | { openForCampaignId: string };

/** The input's group buy: exactly one of groupId and openForCampaignId. */
function groupBuyChoice(input: CheckoutInput['groupBuy']): GroupBuyChoice | null | 'INVALID' {
  if (!input) return null;
  if (input.groupId && !input.openForCampaignId) return { groupId: input.groupId };
  if (input.openForCampaignId && !input.groupId) return { openForCampaignId: input.openForCampaignId };
  return 'INVALID';
}

export interface CheckoutInput {
  cartId: string;
  idempotencyKey: string;
  paymentProvider?: PaymentProvider | null;
  pointsToRedeem?: number | null;
  useStoreCredit?: boolean | null;
  groupBuy?: { groupId?: string | null; openForCampaignId?: string | null } | null;
}

/**
 * Turns a cart into an order, once per idempotency key. A transaction-scoped
 * advisory lock on (scope, key) is the serialisation point: concurrent replays
 * wait for the first to commit or roll back, then read the key's row and answer
 * with the same order. The key row is written in the order's transaction, so
 * an order exists exactly when its key does (a crash loses both or neither).
 * The cart row is locked too: two different keys cannot both consume it.
 */
export async function checkoutComplete(
  tx: Db,
  principal: Principal,
  input: CheckoutInput,
  acceptLanguage: string | null = null,
): Promise<CheckoutResult<OrderRow>> {
  const key = input.idempotencyKey.trim();
  if (!key || key.length > 200) return checkoutFail('INVALID:idempotencyKey', ['input', 'idempotencyKey'], { max: 200 });
  const provider = input.paymentProvider ?? 'SANDBOX';
  const scope = keyScope(principal);
  const points = input.pointsToRedeem ?? 0;
  if (points && principal.kind !== 'customer') return checkoutFail('INVALID:signInForPoints', ['input', 'pointsToRedeem']);
  const useStoreCredit = input.useStoreCredit ?? false;
  if (useStoreCredit && principal.kind !== 'customer') return checkoutFail('INVALID:signInForCredit', ['input', 'useStoreCredit']);
  const groupBuy = groupBuyChoice(input.groupBuy);
  if (groupBuy === 'INVALID') return checkoutFail('INVALID:groupBuyChoice', ['input', 'groupBuy']);
  if (groupBuy && principal.kind !== 'customer') return checkoutFail('INVALID:signInForGroupBuy', ['input', 'groupBuy']);
  const hash = requestHash(input.cartId, provider, points, useStoreCredit, groupBuy);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${scope} ${key}`}, 0))`);
  const [used] = await tx
    .select({ requestHash: checkoutKey.requestHash, order })
    .from(checkoutKey)
    .innerJoin(order, eq(order.id, checkoutKey.orderId))
    .where(and(eq(checkoutKey.scope, scope), eq(checkoutKey.key, key)));
  if (used) {
    return used.requestHash === hash
      ? ok(used.order)
      : checkoutFail('IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
  }
  const open = await cartFor(tx, input.cartId, principal, true);
  if (!open) return checkoutFail('NOT_FOUND', ['input', 'cartId']);
  if (open.orderId) return checkoutFail('CART_COMPLETED', ['input', 'cartId']);
  if (open.mergedIntoId) return cartMerged(open.mergedIntoId);
  // A signed-in customer's order is theirs, even from a cart begun as a guest.
  const found = await claimCart(tx, open, principal);
  const cartLines = await linesOf(tx, found.id);
  if (!cartLines.length) return checkoutFail('CART_EMPTY', ['input', 'cartId']);
  const placed = await placeOrder(tx, {
    channel: found.channel,
    memberId: found.memberId,
    currencyCode: found.currencyCode,
    lines: cartLines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    lineField: (i) => ['cart', 'lines', String(i)],
    address: addressColumnsOf(found),
    shippingMethod: (found.shippingMethod as ShippingMethod | null) ?? 'STANDARD',
    paymentProvider: provider,
    expiresUnpaid: true,
    cartId: found.id,
    pointsToRedeem: points,
    useStoreCredit,
    groupBuy,
    couponCodes: found.couponCodes,
    acceptLanguage,
    actor: actorOf(principal),
    onPlaced: async (row) => {
      await completeCart(tx, found.id, row.id);
      await tx.insert(checkoutKey).values({ scope, key, requestHash: hash, orderId: row.id });
    },
  });
  return placed;
}
