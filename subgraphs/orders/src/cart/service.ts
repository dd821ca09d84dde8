// Storefront carts: who may use one, lines, address and shipping method.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_CURRENCY, isId, ok, type Db, type Principal, type Result, type UserError } from '@shop/kit';
import { savedAddressForCart } from '@shop/members/commands';
import { variantsForCheckout } from '@shop/products/commands';
import { digitsOf, parseAddress, type AddressColumns, type AddressInput } from '../addresses/index.js';
import type { ShippingMethod } from '../pricing/index.js';
import type { OrderChannel } from '../tables.js';
import { cart, cartLine, type CartLineRow, type CartRow } from './tables.js';
import { cartError, cartFail } from '../errors/index.js';

/**
 * Storefront carts. A cart id is an unguessable UUID: a guest cart is open to
 * whoever holds its id (the app keeps it), a cart created by a signed-in
 * customer is bound to that customer and answers NOT_FOUND to anyone else.
 * A guest cart that a signed-in customer changes or checks out becomes theirs
 * (claimCart), so the order it becomes is always in their order history.
 * A cart that became an order is read-only.
 */
export type CartErrorCode =
  | 'NOT_FOUND'
  | 'INVALID'
  | 'INVALID_QUANTITY'
  | 'NOT_SELLABLE'
  | 'CART_COMPLETED'
  | 'CART_MERGED'
  | 'INVALID_CHANNEL'
  | 'ADDRESS_NOT_FOUND';

export const STOREFRONT_CHANNELS: readonly OrderChannel[] = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP'];
export const MAX_LINE_QUANTITY = 999;
export const MAX_CART_LINES = 100;

export interface LineInput {
  variantId: string;
  quantity: number;
}

/** Whether `principal` may use the cart: its own member, or anyone for a guest cart. */
export function canUseCart(row: Pick<CartRow, 'memberId'>, principal: Principal): boolean {
  return row.memberId === null || (principal.kind === 'customer' && principal.memberId === row.memberId);
}

/** The cart as `principal` may see it (row rule), or null. */
export async function cartFor(tx: Db, id: string, principal: Principal, lock = false): Promise<CartRow | null> {
  if (!isId(id)) return null;
  const query = tx.select().from(cart).where(eq(cart.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row && canUseCart(row, principal) ? row : null;
}

/**
 * Binds a guest cart (locked by the caller) to the signed-in customer using it:
 * a shopper who signs in half-way through keeps the cart, and the order it
 * becomes is theirs rather than a guest order missing from their history.
 * The guest who held only the id loses it, as any customer's cart is closed to
 * others. Anyone else's cart, or an anonymous caller, is left as it is.
 */
export async function claimCart(tx: Db, row: CartRow, principal: Principal): Promise<CartRow> {
  if (row.memberId !== null || principal.kind !== 'customer') return row;
  const [claimed] = await tx
    .update(cart)
    .set({ memberId: principal.memberId, updatedAt: sql`now()` })
    .where(eq(cart.id, row.id))
    .returning();
  return claimed!;
}

/** The cart, locked (and claimed by a signed-in customer), if `principal` may change it; an error naming why not otherwise. */
export async function openCart(tx: Db, id: string, principal: Principal): Promise<Result<CartRow, CartErrorCode>> {
  const row = await cartFor(tx, id, principal, true);
  if (!row) return cartFail('NOT_FOUND', ['input', 'cartId']);
  if (row.orderId) return cartFail('CART_COMPLETED', ['input', 'cartId']);
  if (row.mergedIntoId) return cartMerged(row.mergedIntoId);
  return ok(await claimCart(tx, row, principal));
}

/** A guest cart merged into a member's cart on sign-in is closed: the message names the cart to use. */
export function cartMerged(intoId: string): { ok: false; errors: UserError<'CART_MERGED'>[] } {
  return cartFail('CART_MERGED', ['input', 'cartId']);
}

function checkQuantity(quantity: number, field: string[], allowZero = false): UserError<CartErrorCode> | null {
  const min = allowZero ? 0 : 1;
  if (Number.isInteger(quantity) && quantity >= min && quantity <= MAX_LINE_QUANTITY) return null;
  return cartError('INVALID_QUANTITY', field, { min, max: MAX_LINE_QUANTITY });
}

/** Checks that every variant exists, is for sale and is priced in the cart's currency. */
async function checkVariants(tx: Db, lines: readonly LineInput[], currencyCode: string): Promise<UserError<CartErrorCode>[]> {
  const errors: UserError<CartErrorCode>[] = [];
  lines.forEach((line, i) => {
    const invalid = checkQuantity(line.quantity, ['input', 'lines', String(i), 'quantity']);
    if (invalid) errors.push(invalid);
  });
  if (errors.length) return errors;
  const variants = await variantsForCheckout(tx, lines.map((l) => l.variantId));
  lines.forEach((line, i) => {
    const field = ['input', 'lines', String(i), 'variantId'];
    const variant = variants.get(line.variantId.toLowerCase());
    if (!variant) errors.push(cartError('NOT_FOUND:variant', field));
    else if (!variant.sellable) errors.push(cartError('NOT_SELLABLE', field, { sku: variant.sku }));
    else if (variant.currencyCode !== currencyCode) {
      errors.push(cartError('INVALID:currency', field, { sku: variant.sku, variantCurrency: variant.currencyCode, currency: currencyCode }));
    }
  });
  return errors;
}

async function touch(tx: Db, cartId: string): Promise<CartRow> {
  const [row] = await tx.update(cart).set({ updatedAt: sql`now()` }).where(eq(cart.id, cartId)).returning();
  return row!;
}

/** Adds quantities to the cart's lines (new variants go last), in the caller's transaction. */
async function addLines(tx: Db, cartId: string, lines: readonly LineInput[]): Promise<Result<void, CartErrorCode>> {
  const existing = await tx.select().from(cartLine).where(eq(cartLine.cartId, cartId));
  const merged = new Map(existing.map((l) => [l.variantId, { quantity: l.quantity, position: l.position }]));
  let next = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
  for (const line of lines) {
    const variantId = line.variantId.toLowerCase();
    const current = merged.get(variantId);
    merged.set(variantId, { quantity: (current?.quantity ?? 0) + line.quantity, position: current?.position ?? next++ });
  }
  if (merged.size > MAX_CART_LINES) return cartFail('INVALID:tooManyLines', ['input', 'lines'], { max: MAX_CART_LINES });
  for (const [i, { quantity }] of [...merged.values()].entries()) {
    if (quantity > MAX_LINE_QUANTITY) {
      return cartFail('INVALID_QUANTITY:lineMax', ['input', 'lines', String(i), 'quantity'], { max: MAX_LINE_QUANTITY });
    }
  }
  const rows = [...merged.entries()].map(([variantId, v]) => ({ cartId, variantId, quantity: v.quantity, position: v.position }));
  await tx
    .insert(cartLine)
    .values(rows)
    .onConflictDoUpdate({
      target: [cartLine.cartId, cartLine.variantId],
      set: { quantity: sql`excluded.quantity`, updatedAt: sql`now()` },
    });
  return ok(undefined);
}

export async function cartCreate(
  tx: Db,
  principal: Principal,
  input: { channel: OrderChannel; lines?: LineInput[] | null },
): Promise<Result<CartRow, CartErrorCode>> {
  if (!STOREFRONT_CHANNELS.includes(input.channel)) {
    return cartFail('INVALID_CHANNEL', ['input', 'channel'], { channels: STOREFRONT_CHANNELS.join(', ') });
  }
  const lines = input.lines ?? [];
  const errors = await checkVariants(tx, lines, DEFAULT_CURRENCY);
  if (errors.length) return { ok: false, errors };
  const [row] = await tx
    .insert(cart)
    .values({
      channel: input.channel,
      currencyCode: DEFAULT_CURRENCY,
      memberId: principal.kind === 'customer' ? principal.memberId : null,
    })
    .returning();
  if (lines.length) {
    const added = await addLines(tx, row!.id, lines);
    if (!added.ok) return added;
  }
  return ok(row!);
}

export async function cartLinesAdd(
  tx: Db,
  principal: Principal,
  input: { cartId: string; lines: LineInput[] },
): Promise<Result<CartRow, CartErrorCode>> {
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  if (!input.lines.length) return cartFail('INVALID:noLines', ['input', 'lines']);
  const errors = await checkVariants(tx, input.lines, opened.value.currencyCode);
  if (errors.length) return { ok: false, errors };
  const added = await addLines(tx, opened.value.id, input.lines);
  if (!added.ok) return added;
  return ok(await touch(tx, opened.value.id));
}

export async function cartLinesUpdate(
  tx: Db,
  principal: Principal,
  input: { cartId: string; lines: { id: string; quantity: number }[] },
): Promise<Result<CartRow, CartErrorCode>> {
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  const lines = await linesOf(tx, opened.value.id);
  const byId = new Map(lines.map((l) => [l.id, l]));
  for (const [i, line] of input.lines.entries()) {
    const invalid = checkQuantity(line.quantity, ['input', 'lines', String(i), 'quantity'], true);
    if (invalid) return { ok: false, errors: [invalid] };
    if (!byId.has(line.id.toLowerCase())) return cartFail('NOT_FOUND:line', ['input', 'lines', String(i), 'id']);
  }
  for (const line of input.lines) {
    const id = line.id.toLowerCase();
    if (line.quantity === 0) await tx.delete(cartLine).where(eq(cartLine.id, id));
    else await tx.update(cartLine).set({ quantity: line.quantity, updatedAt: sql`now()` }).where(eq(cartLine.id, id));
  }
  return ok(await touch(tx, opened.value.id));
}

export async function cartLinesRemove(
  tx: Db,
  principal: Principal,
  input: { cartId: string; lineIds: string[] },
): Promise<Result<CartRow, CartErrorCode>> {
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  const ids = new Set((await linesOf(tx, opened.value.id)).map((l) => l.id));
  const index = input.lineIds.findIndex((id) => !ids.has(id.toLowerCase()));
  if (index >= 0) return cartFail('NOT_FOUND:line', ['input', 'lineIds', String(index)]);
  if (input.lineIds.length) {
    await tx.delete(cartLine).where(and(eq(cartLine.cartId, opened.value.id), inArray(cartLine.id, input.lineIds.map((id) => id.toLowerCase()))));
  }
  return ok(await touch(tx, opened.value.id));
}

export interface CartSetAddressInput {
  cartId: string;
  address?: AddressInput | null;
  addressId?: string | null;
}

/** Sets the cart's address from the fields given, or from the signed-in customer's saved address `addressId`. */
export async function cartSetAddress(tx: Db, principal: Principal, input: CartSetAddressInput): Promise<Result<CartRow, CartErrorCode>> {
  const byId = input.addressId != null;
  if (byId === (input.address != null)) return cartFail('INVALID:addressOrSaved', ['input']);
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  const address = byId ? await savedAddressColumns(tx, principal, opened.value, input.addressId!) : parseAddress(input.address!, ['input', 'address']);
  if (!address.ok) return address;
  const [row] = await tx.update(cart).set({ ...address.value, updatedAt: sql`now()` }).where(eq(cart.id, opened.value.id)).returning();
  return ok(row!);
}

/**
 * The cart columns for a saved address, copied (the cart keeps a snapshot that
 * later edits of the book leave alone). Only the signed-in customer whose cart
 * it is may use their book; a guest, staff, someone else's id and an unknown id
 * all get the same ADDRESS_NOT_FOUND, so ids cannot be probed. The cart's email
 * stays: a saved address has none.
 */
async function savedAddressColumns(tx: Db, principal: Principal, row: CartRow, addressId: string): Promise<Result<AddressColumns, CartErrorCode>> {
  const saved =
    principal.kind === 'customer' && row.memberId === principal.memberId ? await savedAddressForCart(tx, principal.memberId, addressId) : null;
  if (!saved) return cartFail('ADDRESS_NOT_FOUND', ['input', 'addressId']);
  return ok({
    shipName: saved.name,
    shipPhone: saved.phone,
    shipPhoneDigits: saved.phone ? digitsOf(saved.phone) : null,
    shipLine1: saved.line1,
    shipLine2: saved.line2,
    shipCity: saved.city,
    shipRegion: saved.region,
    shipPostalCode: saved.postalCode,
    shipCountry: saved.country,
    email: row.email,
  });
}

export async function cartSetShippingMethod(
  tx: Db,
  principal: Principal,
  input: { cartId: string; shippingMethod: ShippingMethod },
): Promise<Result<CartRow, CartErrorCode>> {
  const opened = await openCart(tx, input.cartId, principal);
  if (!opened.ok) return opened;
  const [row] = await tx
    .update(cart)
    .set({ shippingMethod: input.shippingMethod, updatedAt: sql`now()` })
    .where(eq(cart.id, opened.value.id))
    .returning();
  return ok(row!);
}

/** Marks a cart (locked by the caller) as the order it became: from then on it is read-only. */
export async function completeCart(tx: Db, cartId: string, orderId: string): Promise<void> {
  await tx.update(cart).set({ orderId, updatedAt: sql`now()` }).where(eq(cart.id, cartId));
}

/** A cart's lines in the order they were added. */
export function linesOf(tx: Db, cartId: string): Promise<CartLineRow[]> {
  return tx.select().from(cartLine).where(eq(cartLine.cartId, cartId)).orderBy(asc(cartLine.position), asc(cartLine.id));
}
