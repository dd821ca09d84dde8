// Store credit on orders: what a signed-in customer's credit pays at checkout, given back when the sale is undone.
import { money, ok, type Db, type Result } from '@shop/kit';
import { applyStoreCredit, creditBalanceOf, releaseStoreCreditForOrder } from '@shop/members/commands';
import type { OrderRow, OrderStatus } from '../tables.js';
import { checkoutFail } from '../errors/index.js';

export type StoreCreditErrorCode = 'INSUFFICIENT_CREDIT';

/** The pricing rule id of store credit in coupons' engine (commands.ts there). */
export const STORE_CREDIT_RULE = 'store-credit';

/**
 * What the engine may take from the member's store credit: their whole balance in the order's currency; the
 * engine caps it at what is left to pay after discounts and points. Zero for guests.
 */
export async function storeCreditOffer(tx: Db, memberId: string | null, currencyCode: string): Promise<bigint> {
  return memberId ? creditBalanceOf(tx, memberId, currencyCode) : 0n;
}

/**
 * Debits what the price says store credit pays (`amountMinor`) from members' ledger, in `tx`, the
 * checkout's transaction, keyed by the order id. A balance spent meanwhile by another checkout refuses
 * the whole order (INSUFFICIENT_CREDIT): the caller rolls back.
 */
export async function payWithStoreCredit(
  tx: Db,
  input: { memberId: string; orderId: string; amountMinor: bigint; currencyCode: string },
): Promise<Result<bigint, StoreCreditErrorCode>> {
  if (input.amountMinor <= 0n) return ok(0n);
  const applied = await applyStoreCredit(tx, { memberId: input.memberId, orderId: input.orderId, amountMinor: input.amountMinor, currency: input.currencyCode });
  if (applied.ok) return ok(input.amountMinor);
  const wanted = money(input.amountMinor, input.currencyCode);
  return checkoutFail('INSUFFICIENT_CREDIT', ['input', 'useStoreCredit'], { amount: wanted.amount, currency: wanted.currencyCode });
}

/** Whether an order's price took anything from store credit (its stored explanation). */
const paidWithCredit = (row: OrderRow) => Boolean(row.pricing?.applied.some((a) => a.ruleId === STORE_CREDIT_RULE && a.amountMinor !== '0'));

/**
 * Cancelling or closing an order gives its store credit back (as its points and coupons), here and now through
 * members' command, once per order; `tx` is the transition's.
 */
export async function settleOrderStoreCredit(tx: Db, row: OrderRow, to: OrderStatus): Promise<void> {
  if (!row.memberId || (to !== 'CANCELLED' && to !== 'CLOSED') || !paidWithCredit(row)) return;
  const released = await releaseStoreCreditForOrder(tx, { memberId: row.memberId, orderId: row.id });
  if (!released.ok) throw new Error(`Returning the store credit of order ${row.number}: ${released.errors[0]!.message}`);
}
