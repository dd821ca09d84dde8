// Orders that come from outside checkout: created by staff and imported from other channels.
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_CURRENCY, isId, ok, parseDecimal, type Db, type Principal } from '@shop/kit';
import { EMPTY_ADDRESS, parseAddress, type AddressInput } from '../addresses/index.js';
import { MAX_LINE_QUANTITY } from '../cart/index.js';
import { placeOrder, type CheckoutResult, type CheckoutUserError } from '../checkout/index.js';
import { actorOf } from '../history/index.js';
import { transitionOrder } from '../lifecycle/index.js';
import { recordManualPayment } from '../payments/index.js';
import type { ShippingMethod } from '../pricing/index.js';
import { order, type OrderChannel, type OrderRow } from '../tables.js';
import { channelError, channelFail } from '../errors/index.js';

/** Orders that do not come through a storefront cart: staff sales and marketplace imports. */

export interface OrderLineInput {
  variantId: string;
  quantity: number;
  unitPrice?: string | null;
}

/** Quantities and optional prices of staff-entered lines, or the errors pointing at them. */
function parseLines(lines: readonly OrderLineInput[], currencyCode: string) {
  const errors: CheckoutUserError[] = [];
  if (!lines.length) errors.push(channelError('INVALID:noLines', ['input', 'lines']));
  const parsed = lines.map((line, i) => {
    const field = ['input', 'lines', String(i)];
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      errors.push(channelError('INVALID:quantity', [...field, 'quantity'], { max: MAX_LINE_QUANTITY }));
    }
    if (!isId(line.variantId)) errors.push(channelError('NOT_FOUND:variant', [...field, 'variantId']));
    let unitPriceMinor: bigint | null = null;
    if (line.unitPrice != null) {
      unitPriceMinor = parseDecimal(line.unitPrice, currencyCode);
      if (unitPriceMinor === null || unitPriceMinor < 0n) {
        errors.push(channelError('INVALID:price', [...field, 'unitPrice'], { currency: currencyCode }));
      }
    }
    return { variantId: line.variantId, quantity: line.quantity, unitPriceMinor };
  });
  return { parsed, errors };
}

function parseOptionalAddress(address: AddressInput | null | undefined) {
  return address ? parseAddress(address, ['input', 'address']) : ({ ok: true, value: EMPTY_ADDRESS } as const);
}

export interface OrderCreateInput {
  channel: OrderChannel;
  memberId?: string | null;
  lines: OrderLineInput[];
  address?: AddressInput | null;
  shippingMethod?: ShippingMethod | null;
  paymentMethod?: string | null;
  note?: string | null;
}

/**
 * An order taken by staff. A phone sale waits for payment like a storefront
 * order (a manual payment: transfer or cash on delivery). A till sale
 * (POINT_OF_SALE) is paid at once and handed over: it goes PAID and COMPLETED
 * in the same transaction, its stock leaving the shelf.
 */
export async function orderCreate(tx: Db, principal: Principal, input: OrderCreateInput): Promise<CheckoutResult<OrderRow>> {
  if (input.channel === 'MARKETPLACE') {
    return channelFail('INVALID:marketplaceChannel', ['input', 'channel']);
  }
  const pos = input.channel === 'POINT_OF_SALE';
  const { parsed, errors } = parseLines(input.lines, DEFAULT_CURRENCY);
  if (input.memberId != null && !isId(input.memberId)) errors.push(channelError('NOT_FOUND:member', ['input', 'memberId']));
  if (input.paymentMethod != null && !pos) {
    errors.push(channelError('INVALID:paidAtCreation', ['input', 'paymentMethod']));
  }
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) errors.push(channelError('INVALID:note', ['input', 'note'], { max: 2000 }));
  const address = parseOptionalAddress(input.address);
  if (!address.ok) errors.push(...address.errors);
  if (errors.length || !address.ok) return { ok: false, errors };
  const actor = actorOf(principal);
  const placed = await placeOrder(tx, {
    channel: input.channel,
    memberId: input.memberId?.toLowerCase() ?? null,
    currencyCode: DEFAULT_CURRENCY,
    lines: parsed,
    lineField: (i) => ['input', 'lines', String(i)],
    address: address.value,
    shippingMethod: input.shippingMethod ?? (pos ? 'PICKUP' : 'STANDARD'),
    paymentProvider: 'MANUAL',
    expiresUnpaid: !pos,
    actor,
    note,
  });
  if (!placed.ok || !pos) return placed;
  const paid = await recordManualPayment(tx, {
    orderId: placed.value.id,
    method: input.paymentMethod?.trim() || 'cash',
    amountMinor: placed.value.totalMinor,
    currencyCode: placed.value.currencyCode,
    actor,
  });
  if (!paid.ok) return { ok: false, errors: paid.errors as CheckoutUserError[] };
  return transitionOrder(tx, { orderId: placed.value.id, to: 'COMPLETED', actor, note: 'Handed over at the till.' }) as Promise<
    CheckoutResult<OrderRow>
  >;
}

export interface OrderImportInput {
  marketplace: string;
  externalOrderId: string;
  lines: OrderLineInput[];
  address?: AddressInput | null;
  shippingPrice?: string | null;
  paid?: boolean | null;
}

/**
 * Imports a marketplace order once: an advisory lock on (marketplace, external
 * id) serialises concurrent imports, and an order already imported is returned
 * unchanged. Prices are the marketplace's (the catalog's when absent); a paid
 * order records the marketplace's collection as a manual payment.
 */
export async function orderImport(tx: Db, principal: Principal, input: OrderImportInput): Promise<CheckoutResult<OrderRow>> {
  const marketplace = input.marketplace.trim().toLowerCase();
  const externalOrderId = input.externalOrderId.trim();
  const errors: CheckoutUserError[] = [];
  if (!/^[a-z0-9][a-z0-9._-]{0,39}$/.test(marketplace)) {
    errors.push(channelError('INVALID:marketplace', ['input', 'marketplace']));
  }
  if (!externalOrderId || externalOrderId.length > 100) {
    errors.push(channelError('INVALID:externalOrderId', ['input', 'externalOrderId'], { max: 100 }));
  }
  if (errors.length) return { ok: false, errors };
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import ${marketplace} ${externalOrderId}`}, 0))`);
  const [existing] = await tx
    .select()
    .from(order)
    .where(and(eq(order.marketplace, marketplace), eq(order.externalOrderId, externalOrderId)));
  if (existing) return ok(existing);
  const lines = parseLines(input.lines, DEFAULT_CURRENCY);
  errors.push(...lines.errors);
  let shippingMinor = 0n;
  if (input.shippingPrice != null) {
    const parsed = parseDecimal(input.shippingPrice, DEFAULT_CURRENCY);
    if (parsed === null || parsed < 0n) errors.push(channelError('INVALID:price', ['input', 'shippingPrice'], { currency: DEFAULT_CURRENCY }));
    else shippingMinor = parsed;
  }
  const address = parseOptionalAddress(input.address);
  if (!address.ok) errors.push(...address.errors);
  if (errors.length || !address.ok) return { ok: false, errors };
  const actor = actorOf(principal);
  const placed = await placeOrder(tx, {
    channel: 'MARKETPLACE',
    memberId: null,
    currencyCode: DEFAULT_CURRENCY,
    lines: lines.parsed,
    lineField: (i) => ['input', 'lines', String(i)],
    address: address.value,
    shippingMethod: null,
    shippingMinor,
    paymentProvider: 'MANUAL',
    expiresUnpaid: false,
    marketplace,
    externalOrderId,
    actor,
    note: `Imported from ${marketplace} (${externalOrderId}).`,
  });
  if (!placed.ok || !input.paid) return placed;
  const paid = await recordManualPayment(tx, {
    orderId: placed.value.id,
    method: 'MARKETPLACE',
    amountMinor: placed.value.totalMinor,
    currencyCode: placed.value.currencyCode,
    actor,
    reference: externalOrderId,
  });
  if (!paid.ok) return { ok: false, errors: paid.errors as CheckoutUserError[] };
  const [row] = await tx.select().from(order).where(eq(order.id, placed.value.id));
  return ok(row!);
}
