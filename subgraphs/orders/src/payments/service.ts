import { and, eq, sql } from 'drizzle-orm';
import { anyId, fail, formatMinor, isId, ok, parseDecimal, requireStepUp, type Db, type Principal, type Result } from '@shop/kit';
import { enqueueRefundFact } from '../facts/index.js';
import { evaluateFlags } from '../flags/index.js';
import { addOrderHistory, lockOrder, type OrderActor } from '../history/index.js';
import { transitionOrder, type LifecycleErrorCode } from '../lifecycle/index.js';
import type { OrderRow } from '../tables.js';
import { manual } from './providers/manual.js';
import type { PaymentProviderAdapter, ProviderEvent } from './providers/provider.js';
import { sandbox, type CardErrorCode, type CardInput } from './providers/sandbox.js';
import { moneyOf } from './state.js';
import { payment, paymentMethod, paymentTransaction, type PaymentMethod, type PaymentProvider, type PaymentRow } from './tables.js';

export type PaymentErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_AMOUNT'
  | 'INVALID_METHOD'
  | 'INVALID'
  | 'CURRENCY_MISMATCH'
  | 'INVALID_STATE'
  | 'NOTHING_DUE'
  | 'EXCEEDS_AUTHORIZED'
  | 'EXCEEDS_CAPTURED'
  | 'PROVIDER_REFUSED'
  | CardErrorCode
  | LifecycleErrorCode;

type PaymentResult<T> = Result<T, PaymentErrorCode>;

const PROVIDERS: Record<PaymentProvider, PaymentProviderAdapter> = { MANUAL: manual, SANDBOX: sandbox };

const KIND = {
  'payment.authorized': 'AUTHORIZATION',
  'payment.captured': 'CAPTURE',
  'payment.refunded': 'REFUND',
  'payment.voided': 'VOID',
} as const;

const VERB = { AUTHORIZATION: 'Authorised', CAPTURE: 'Received', REFUND: 'Refunded', VOID: 'Voided' } as const;

const MAX_TEXT = 500;

const moneyText = (minor: bigint, currency: string) => `${formatMinor(minor, currency)} ${currency}`;

/** Captured and refunded sums of many payments in one query. */
export async function paymentSums(tx: Db, paymentIds: readonly string[]) {
  const rows = await tx
    .select({
      paymentId: paymentTransaction.paymentId,
      authorized: sql<string>`coalesce(sum(${paymentTransaction.amountMinor}) filter (where ${paymentTransaction.kind} = 'AUTHORIZATION'), 0)::text`,
      captured: sql<string>`coalesce(sum(${paymentTransaction.amountMinor}) filter (where ${paymentTransaction.kind} = 'CAPTURE'), 0)::text`,
      refunded: sql<string>`coalesce(sum(${paymentTransaction.amountMinor}) filter (where ${paymentTransaction.kind} = 'REFUND'), 0)::text`,
    })
    .from(paymentTransaction)
    .where(anyId(paymentTransaction.paymentId, paymentIds))
    .groupBy(paymentTransaction.paymentId);
  return rows.map((r) => ({
    paymentId: r.paymentId,
    authorizedMinor: BigInt(r.authorized),
    capturedMinor: BigInt(r.captured),
    refundedMinor: BigInt(r.refunded),
  }));
}

async function sumsOf(tx: Db, paymentId: string) {
  const [sums] = await paymentSums(tx, [paymentId]);
  return sums ?? { paymentId, authorizedMinor: 0n, capturedMinor: 0n, refundedMinor: 0n };
}

/**
 * The payment checkout expects: PENDING until money moves. Called by checkout
 * and orderCreate in the order's transaction.
 */
export async function createPendingPayment(
  tx: Db,
  input: { orderId: string; provider: 'MANUAL' | 'SANDBOX'; amountMinor: bigint; currencyCode: string },
): Promise<void> {
  await tx.insert(payment).values({ ...input, status: 'PENDING' });
}

/**
 * Records what a provider did, in the caller's transaction, with the order
 * already locked: finds (or adopts, or opens) the payment, appends the money
 * movement, writes history and, for money received, settles the order. A
 * movement already recorded (same provider reference) changes nothing.
 */
export async function applyProviderEvent(
  tx: Db,
  order: OrderRow,
  event: ProviderEvent,
  options: { actor: OrderActor; payment?: PaymentRow; method?: PaymentMethod; note?: string | null },
): Promise<PaymentResult<{ payment: PaymentRow; duplicate: boolean }>> {
  if (event.currencyCode !== order.currencyCode) {
    return fail('CURRENCY_MISMATCH', `Order ${order.number} is in ${order.currencyCode}, not ${event.currencyCode}.`, ['input', 'amount']);
  }
  if (event.amountMinor <= 0n) return fail('INVALID_AMOUNT', 'The amount must be above zero.', ['input', 'amount']);
  const target = options.payment ?? (await paymentFor(tx, order, event, options.method ?? null));
  const kind = KIND[event.type];
  const [movement] = await tx
    .insert(paymentTransaction)
    .values({
      paymentId: target.id,
      orderId: order.id,
      kind,
      amountMinor: event.amountMinor,
      currencyCode: event.currencyCode,
      providerReference: event.transactionReference,
      note: options.note ?? null,
      actorKind: options.actor.kind,
      actorId: options.actor.id,
      actorLabel: options.actor.label,
    })
    .onConflictDoNothing()
    .returning();
  if (!movement) return ok({ payment: target, duplicate: true });
  if (kind === 'REFUND') await enqueueRefundFact(tx, order, movement);

  const status = kind === 'AUTHORIZATION' ? 'AUTHORIZED' : kind === 'CAPTURE' ? 'CAPTURED' : kind === 'VOID' ? 'VOIDED' : target.status;
  const [updated] = await tx
    .update(payment)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(payment.id, target.id))
    .returning();
  const how = target.method ? ` by ${target.method.toLowerCase().replaceAll('_', ' ')}` : '';
  const ref = event.transactionReference ?? options.note;
  await addOrderHistory(tx, {
    orderId: order.id,
    actor: options.actor,
    kind: 'PAYMENT',
    note: `${VERB[kind]} ${moneyText(event.amountMinor, event.currencyCode)}${how} (${target.provider.toLowerCase()}${ref ? `, ${ref}` : ''}).`,
  });
  if (kind === 'CAPTURE') {
    const settled = await settleOrder(tx, order, options.actor);
    if (!settled.ok) return settled;
  }
  return ok({ payment: updated!, duplicate: false });
}

/** The payment an event belongs to: by the provider's reference, else the order's pending one of that provider, else a new one. */
async function paymentFor(tx: Db, order: OrderRow, event: ProviderEvent, method: PaymentMethod | null): Promise<PaymentRow> {
  if (event.paymentReference) {
    const [known] = await tx
      .select()
      .from(payment)
      .where(and(eq(payment.provider, event.provider), eq(payment.providerReference, event.paymentReference)));
    if (known) return known;
    const [pending] = await tx
      .select()
      .from(payment)
      .where(and(eq(payment.orderId, order.id), eq(payment.provider, event.provider), eq(payment.status, 'PENDING')))
      .limit(1);
    if (pending) {
      const [adopted] = await tx
        .update(payment)
        .set({
          providerReference: event.paymentReference,
          amountMinor: event.amountMinor,
          method: method ?? (event.card ? 'CARD' : pending.method),
          cardBrand: event.card?.brand ?? null,
          cardLast4: event.card?.last4 ?? null,
          updatedAt: sql`now()`,
        })
        .where(eq(payment.id, pending.id))
        .returning();
      return adopted!;
    }
  }
  const [created] = await tx
    .insert(payment)
    .values({
      orderId: order.id,
      provider: event.provider,
      method: method ?? (event.card ? 'CARD' : null),
      amountMinor: event.amountMinor,
      currencyCode: event.currencyCode,
      providerReference: event.paymentReference,
      cardBrand: event.card?.brand ?? null,
      cardLast4: event.card?.last4 ?? null,
    })
    .returning();
  return created!;
}

/**
 * After money arrives: a pending order that is now fully paid moves to PAID
 * (its never-used pending payments are voided), then the payment-stage flag
 * rules run.
 */
async function settleOrder(tx: Db, order: OrderRow, actor: OrderActor): Promise<PaymentResult<void>> {
  const money = await moneyOf(tx, order.id);
  if (order.status === 'PENDING_PAYMENT' && (money.state === 'PAID' || money.state === 'OVERPAID')) {
    const moved = await transitionOrder(tx, { orderId: order.id, to: 'PAID', actor, note: 'Fully paid.' });
    if (!moved.ok) return moved;
    await tx
      .update(payment)
      .set({ status: 'VOIDED', updatedAt: sql`now()` })
      .where(and(eq(payment.orderId, order.id), eq(payment.status, 'PENDING')));
  }
  await evaluateFlags(tx, order.id, 'PAYMENT');
  return ok(undefined);
}

/**
 * The method of a payment recorded by hand, from the enum or free text
 * ("cash", "Bank transfer"): a card paid by hand went through a terminal, and
 * a name the enum lacks is OTHER. Null for blank text.
 */
function manualMethod(text: string): PaymentMethod | null {
  const name = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (!name) return null;
  if (name === 'CARD') return 'CARD_TERMINAL';
  return (paymentMethod.enumValues as readonly string[]).includes(name) ? (name as PaymentMethod) : 'OTHER';
}

/**
 * Money an operator received outside the system (bank transfer, cash on
 * delivery, a till, a marketplace payout), in the caller's transaction: one
 * payment with its capture. A fully paid pending order moves to PAID.
 */
export async function recordManualPayment(
  tx: Db,
  input: { orderId: string; method: string; amountMinor: bigint; currencyCode: string; actor: OrderActor; reference?: string | null },
): Promise<PaymentResult<PaymentRow>> {
  const method = manualMethod(input.method);
  if (!method) return fail('INVALID_METHOD', 'Say how the money was paid.', ['input', 'method']);
  // A way of paying without a name of its own ("lazada", "voucher") is OTHER, and its name stays with the reference.
  const named = method === 'OTHER' && input.method.trim().toUpperCase() !== 'OTHER' ? input.method.trim() : null;
  const reference = [named, input.reference?.trim()].filter(Boolean).join(': ') || null;
  if (reference && reference.length > MAX_TEXT) return fail('INVALID', `A reference has at most ${MAX_TEXT} characters.`, ['input', 'reference']);
  const order = await lockOrder(tx, input.orderId);
  if (!order) return fail('NOT_FOUND', `No order ${input.orderId}.`, ['input', 'orderId']);
  const captured = await manual.capture(tx, {
    orderId: order.id,
    paymentReference: null,
    amountMinor: input.amountMinor,
    currencyCode: input.currencyCode,
  });
  if (!captured.ok) return fail('PROVIDER_REFUSED', captured.message, ['input', 'amount']);
  const applied = await applyProviderEvent(tx, order, captured.event, {
    actor: input.actor,
    method,
    note: reference,
  });
  return applied.ok ? ok(applied.value.payment) : applied;
}

/** paymentRecord: an amount in the order's currency as the API sends it. */
export async function paymentRecord(
  tx: Db,
  actor: OrderActor,
  input: { orderId: string; method: string; amount: string; reference?: string | null },
): Promise<PaymentResult<PaymentRow>> {
  const order = await lockOrder(tx, input.orderId);
  if (!order) return fail('NOT_FOUND', `No order ${input.orderId}.`, ['input', 'orderId']);
  const amountMinor = parseDecimal(input.amount, order.currencyCode);
  if (amountMinor === null || amountMinor <= 0n) {
    return fail('INVALID_AMOUNT', `The amount must be above zero with at most the decimals of ${order.currencyCode}.`, ['input', 'amount']);
  }
  return recordManualPayment(tx, { ...input, amountMinor, currencyCode: order.currencyCode, actor });
}

/** orderMarkPaid: records what is still due as received by hand. */
export async function markOrderPaid(
  tx: Db,
  actor: OrderActor,
  input: { orderId: string; method: string; reference?: string | null },
): Promise<PaymentResult<PaymentRow>> {
  const order = await lockOrder(tx, input.orderId);
  if (!order) return fail('NOT_FOUND', `No order ${input.orderId}.`, ['input', 'orderId']);
  const money = await moneyOf(tx, order.id);
  const due = order.totalMinor - (money.capturedMinor - money.refundedMinor);
  if (due <= 0n) return fail('NOTHING_DUE', `Order ${order.number} has nothing left to pay.`, ['input', 'orderId']);
  // Marking paid moves an order to PAID: a cancelled or closed order has nothing to become (paymentRecord still records money).
  if (order.status !== 'PENDING_PAYMENT') {
    return fail('INVALID_STATE', `Order ${order.number} is ${order.status}; only an order waiting for payment can be marked paid.`, ['input', 'orderId']);
  }
  return recordManualPayment(tx, { ...input, amountMinor: due, currencyCode: order.currencyCode, actor });
}

/** Whether the caller may pay for this order: its member, or a guest holding the cart it came from. */
function paysFor(principal: Principal, order: OrderRow, cartId: string | null | undefined): boolean {
  if (principal.kind === 'customer' && order.memberId === principal.memberId) return true;
  return (principal.kind === 'customer' || principal.kind === 'anonymous') && !!cartId && order.cartId === cartId;
}

/**
 * A storefront card payment through the sandbox gateway: authorises what is
 * still due (and captures it at once when asked). Unknown orders and orders
 * that are not the caller's look the same: NOT_FOUND.
 */
export async function sandboxAuthorize(
  tx: Db,
  principal: Principal,
  actor: OrderActor,
  input: { orderId: string; cartId?: string | null; card: CardInput; capture?: boolean | null },
): Promise<PaymentResult<PaymentRow>> {
  const order = await lockOrder(tx, input.orderId);
  if (!order || !paysFor(principal, order, input.cartId)) return fail('NOT_FOUND', `No order ${input.orderId}.`, ['input', 'orderId']);
  if (order.status !== 'PENDING_PAYMENT') {
    return fail('INVALID_STATE', `Order ${order.number} is ${order.status}; only an order waiting for payment can be paid.`, ['input', 'orderId']);
  }
  const money = await moneyOf(tx, order.id);
  const open = await openAuthorizations(tx, order.id);
  const due = order.totalMinor - (money.capturedMinor - money.refundedMinor) - open;
  if (due <= 0n) return fail('NOTHING_DUE', `Order ${order.number} has nothing left to pay.`, ['input', 'orderId']);
  const authorized = await sandbox.authorize(tx, { orderId: order.id, amountMinor: due, currencyCode: order.currencyCode, card: input.card });
  if (!authorized.ok) return authorized;
  const applied = await applyProviderEvent(tx, order, authorized.value, { actor });
  if (!applied.ok) return applied;
  if (!input.capture) return ok(applied.value.payment);
  return capture(tx, order, applied.value.payment, due, actor);
}

/** Authorised money of an order not yet captured or voided. */
async function openAuthorizations(tx: Db, orderId: string): Promise<bigint> {
  const authorized = await tx.select({ id: payment.id }).from(payment).where(and(eq(payment.orderId, orderId), eq(payment.status, 'AUTHORIZED')));
  if (!authorized.length) return 0n;
  const sums = await paymentSums(tx, authorized.map((p) => p.id));
  return sums.reduce((total, s) => total + s.authorizedMinor - s.capturedMinor, 0n);
}

async function lockedPayment(tx: Db, paymentId: string): Promise<{ order: OrderRow; payment: PaymentRow } | null> {
  if (!isId(paymentId)) return null;
  const [found] = await tx.select({ orderId: payment.orderId }).from(payment).where(eq(payment.id, paymentId));
  if (!found) return null;
  // The order first, as every payment path does, so two paths never wait on each other in opposite order.
  const order = await lockOrder(tx, found.orderId);
  const [row] = await tx.select().from(payment).where(eq(payment.id, paymentId));
  return order && row ? { order, payment: row } : null;
}

async function capture(tx: Db, order: OrderRow, target: PaymentRow, amountMinor: bigint, actor: OrderActor): Promise<PaymentResult<PaymentRow>> {
  const outcome = await PROVIDERS[target.provider].capture(tx, {
    orderId: order.id,
    paymentReference: target.providerReference,
    amountMinor,
    currencyCode: target.currencyCode,
  });
  if (!outcome.ok) return fail('PROVIDER_REFUSED', outcome.message, ['input', 'amount']);
  const applied = await applyProviderEvent(tx, order, outcome.event, { actor, payment: target });
  return applied.ok ? ok(applied.value.payment) : applied;
}

/** paymentCapture: takes authorised card money (all that is left when no amount is given). */
export async function paymentCapture(
  tx: Db,
  actor: OrderActor,
  input: { paymentId: string; amount?: string | null },
): Promise<PaymentResult<PaymentRow>> {
  const found = await lockedPayment(tx, input.paymentId);
  if (!found) return fail('NOT_FOUND', `No payment ${input.paymentId}.`, ['input', 'paymentId']);
  const { order, payment: target } = found;
  if (target.provider === 'MANUAL' || (target.status !== 'AUTHORIZED' && target.status !== 'CAPTURED')) {
    return fail('INVALID_STATE', `This payment is ${target.provider} and ${target.status}; only an authorised card payment can be captured.`, ['input', 'paymentId']);
  }
  const sums = await sumsOf(tx, target.id);
  const left = sums.authorizedMinor - sums.capturedMinor;
  const amountMinor = input.amount == null ? left : parseDecimal(input.amount, target.currencyCode);
  if (amountMinor === null || amountMinor <= 0n) return fail('INVALID_AMOUNT', 'The amount must be above zero.', ['input', 'amount']);
  if (amountMinor > left) {
    return fail('EXCEEDS_AUTHORIZED', `Only ${moneyText(left > 0n ? left : 0n, target.currencyCode)} of this authorisation is left to capture.`, ['input', 'amount']);
  }
  return capture(tx, order, target, amountMinor, actor);
}

/** Refunds above this (in the order's currency) need a fresh step-up: REFUND_STEP_UP_AMOUNT, default 5000. */
export function stepUpThreshold(currencyCode: string): bigint {
  return parseDecimal(process.env.REFUND_STEP_UP_AMOUNT ?? '5000', currencyCode) ?? 0n;
}

/**
 * paymentRefund: gives captured money back through the payment's provider
 * (a manual refund records money the shop paid back by hand). Large refunds
 * need a step-up confirmation (STEP_UP_REQUIRED; API keys cannot confirm).
 */
export async function paymentRefund(
  tx: Db,
  principal: Principal,
  actor: OrderActor,
  input: { paymentId: string; amount: string; reason: string },
): Promise<PaymentResult<PaymentRow>> {
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_TEXT) return fail('INVALID', `Give a reason of 1 to ${MAX_TEXT} characters.`, ['input', 'reason']);
  const found = await lockedPayment(tx, input.paymentId);
  if (!found) return fail('NOT_FOUND', `No payment ${input.paymentId}.`, ['input', 'paymentId']);
  const { order, payment: target } = found;
  const amountMinor = parseDecimal(input.amount, target.currencyCode);
  if (amountMinor === null || amountMinor <= 0n) return fail('INVALID_AMOUNT', 'The amount must be above zero.', ['input', 'amount']);
  const sums = await sumsOf(tx, target.id);
  const refundable = sums.capturedMinor - sums.refundedMinor;
  if (amountMinor > refundable) {
    return fail('EXCEEDS_CAPTURED', `Only ${moneyText(refundable, target.currencyCode)} of this payment can be refunded.`, ['input', 'amount']);
  }
  if (amountMinor > stepUpThreshold(target.currencyCode)) {
    requireStepUp(principal, `refund more than ${moneyText(stepUpThreshold(target.currencyCode), target.currencyCode)}`);
  }
  const outcome = await PROVIDERS[target.provider].refund(tx, {
    orderId: order.id,
    paymentReference: target.providerReference,
    amountMinor,
    currencyCode: target.currencyCode,
  });
  if (!outcome.ok) return fail('PROVIDER_REFUSED', outcome.message, ['input', 'amount']);
  const applied = await applyProviderEvent(tx, order, outcome.event, { actor, payment: target, note: reason });
  return applied.ok ? ok(applied.value.payment) : applied;
}

/**
 * Gives back everything an order's payments captured and did not refund yet,
 * through each payment's provider, in the caller's transaction (the order
 * already locked): the system's refund when a sale falls through (a group buy
 * that did not fill), so no step-up. Returns what was refunded; a second call finds nothing left.
 */
export function refundAllCaptured(tx: Db, order: OrderRow, actor: OrderActor, reason: string): Promise<PaymentResult<bigint>> {
  return refundOrderUpTo(tx, order, actor, reason, null);
}

/**
 * Gives back up to `limitMinor` (everything when null) of what the order's
 * payments captured and did not refund yet, oldest payment first, through
 * each payment's provider, in the caller's transaction. The caller has locked
 * the order, so concurrent refunds of one order queue and none sees stale
 * sums; the caller checks amounts and step-up. Returns what was refunded.
 */
export async function refundOrderUpTo(
  tx: Db,
  order: OrderRow,
  actor: OrderActor,
  reason: string,
  limitMinor: bigint | null,
): Promise<PaymentResult<bigint>> {
  const payments = await tx.select().from(payment).where(eq(payment.orderId, order.id)).orderBy(payment.seq);
  const sums = new Map((await paymentSums(tx, payments.map((p) => p.id))).map((s) => [s.paymentId, s] as const));
  let refunded = 0n;
  for (const target of payments) {
    const sum = sums.get(target.id);
    const refundable = sum ? sum.capturedMinor - sum.refundedMinor : 0n;
    const amountMinor = limitMinor === null ? refundable : refundable < limitMinor - refunded ? refundable : limitMinor - refunded;
    if (amountMinor <= 0n) continue;
    const outcome = await PROVIDERS[target.provider].refund(tx, {
      orderId: order.id,
      paymentReference: target.providerReference,
      amountMinor,
      currencyCode: target.currencyCode,
    });
    if (!outcome.ok) return fail('PROVIDER_REFUSED', outcome.message, null);
    const applied = await applyProviderEvent(tx, order, outcome.event, { actor, payment: target, note: reason });
    if (!applied.ok) return applied;
    refunded += amountMinor;
  }
  return ok(refunded);
}

/**
 * Voids every authorisation of an order that was never captured, through its provider, in the caller's
 * transaction (the order already locked): when a sale falls through before the money was taken (a group buy
 * that did not fill), the buyer's card hold is lifted rather than left to lapse. Returns what was voided; a
 * second call finds nothing open.
 */
export async function voidOpenAuthorizations(tx: Db, order: OrderRow, actor: OrderActor, reason: string): Promise<PaymentResult<bigint>> {
  const open = await tx.select().from(payment).where(and(eq(payment.orderId, order.id), eq(payment.status, 'AUTHORIZED'))).orderBy(payment.seq);
  const sums = new Map((await paymentSums(tx, open.map((p) => p.id))).map((s) => [s.paymentId, s] as const));
  let voided = 0n;
  for (const target of open) {
    const sum = sums.get(target.id);
    const left = sum ? sum.authorizedMinor - sum.capturedMinor : 0n;
    if (left <= 0n) continue;
    const outcome = await PROVIDERS[target.provider].void(tx, {
      orderId: order.id,
      paymentReference: target.providerReference,
      amountMinor: left,
      currencyCode: target.currencyCode,
    });
    if (!outcome.ok) return fail('PROVIDER_REFUSED', outcome.message, null);
    const applied = await applyProviderEvent(tx, order, outcome.event, { actor, payment: target, note: reason });
    if (!applied.ok) return applied;
    voided += left;
  }
  return ok(voided);
}

/** Payments of many orders in one query, oldest first within each order. */
export function paymentsByOrderIds(tx: Db, orderIds: readonly string[]) {
  return tx.select().from(payment).where(anyId(payment.orderId, orderIds)).orderBy(payment.orderId, payment.seq);
}

/** Transactions of many payments in one query, oldest first within each payment. */
export function transactionsByPaymentIds(tx: Db, paymentIds: readonly string[]) {
  return tx
    .select()
    .from(paymentTransaction)
    .where(anyId(paymentTransaction.paymentId, paymentIds))
    .orderBy(paymentTransaction.paymentId, paymentTransaction.seq);
}

