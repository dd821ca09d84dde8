// Guest cart attach: on sign-in or sign-up the device's guest cart becomes the member's (job orders.cartAttachToMember).
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isId, log, type Db } from '@shop/kit';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './service.js';
import { cart, cartLine, type CartRow } from './tables.js';

/** The task members enqueues in the sign-in or sign-up transaction (payload: ids only). */
export const CART_ATTACH_TASK = 'orders.cartAttachToMember';

export type CartAttachOutcome = 'attached' | 'merged' | 'unchanged';

/** An open cart: neither an order yet nor merged away. */
const isOpen = (row: CartRow) => row.orderId === null && row.mergedIntoId === null;

/**
 * Gives an open guest cart to the member who just signed in. If the member
 * already has an open cart on the same channel and currency, the guest lines
 * move into it (quantities add, capped at MAX_LINE_QUANTITY) and the guest
 * cart is closed (`merged_into_id`, bound to the member so its id alone no
 * longer opens it); if merging would pass MAX_CART_LINES, the guest cart is
 * attached as it is rather than lose lines. A cart owned by anyone (the same
 * member included: a repeated job), completed, merged or unknown is left
 * alone, so the job is idempotent and never takes another customer's cart.
 * `tx` must be a transaction: both carts are locked, the guest cart first.
 */
export async function attachCartToMember(tx: Db, cartId: string, memberId: string): Promise<CartAttachOutcome> {
  if (!isId(cartId) || !isId(memberId)) return 'unchanged';
  const [guest] = await tx.select().from(cart).where(eq(cart.id, cartId)).for('update');
  if (!guest || guest.memberId !== null || !isOpen(guest)) return 'unchanged';
  const [target] = await tx
    .select()
    .from(cart)
    .where(
      and(
        eq(cart.memberId, memberId),
        eq(cart.channel, guest.channel),
        eq(cart.currencyCode, guest.currencyCode),
        isNull(cart.orderId),
        isNull(cart.mergedIntoId),
        ne(cart.id, guest.id),
      ),
    )
    .orderBy(desc(cart.updatedAt), desc(cart.id))
    .limit(1)
    .for('update');
  if (target && (await mergeLines(tx, guest.id, target.id))) {
    await tx.update(cart).set({ memberId, mergedIntoId: target.id, updatedAt: sql`now()` }).where(eq(cart.id, guest.id));
    await tx.update(cart).set({ updatedAt: sql`now()` }).where(eq(cart.id, target.id));
    return 'merged';
  }
  await tx.update(cart).set({ memberId, updatedAt: sql`now()` }).where(eq(cart.id, guest.id));
  return 'attached';
}

/**
 * Moves the guest cart's lines into the target cart (same variant: quantities
 * add, capped; new variants after the target's own). False, with nothing
 * written, when the result would hold more than MAX_CART_LINES lines.
 */
async function mergeLines(tx: Db, guestId: string, targetId: string): Promise<boolean> {
  const lines = await tx.select().from(cartLine).where(sql`${cartLine.cartId} in (${guestId}, ${targetId})`).orderBy(cartLine.position, cartLine.id);
  const targetLines = lines.filter((l) => l.cartId === targetId);
  const guestLines = lines.filter((l) => l.cartId === guestId);
  const byVariant = new Map(targetLines.map((l) => [l.variantId, l]));
  const added = guestLines.filter((l) => !byVariant.has(l.variantId));
  if (byVariant.size + added.length > MAX_CART_LINES) return false;
  let next = targetLines.reduce((max, l) => Math.max(max, l.position + 1), 0);
  for (const line of guestLines) {
    const same = byVariant.get(line.variantId);
    if (same) {
      await tx
        .update(cartLine)
        .set({ quantity: Math.min(same.quantity + line.quantity, MAX_LINE_QUANTITY), updatedAt: sql`now()` })
        .where(eq(cartLine.id, same.id));
    } else {
      await tx.insert(cartLine).values({ cartId: targetId, variantId: line.variantId, quantity: line.quantity, position: next++ });
    }
  }
  await tx.delete(cartLine).where(eq(cartLine.cartId, guestId));
  return true;
}

const payloadSchema = z.object({ cartId: z.string(), memberId: z.string() });

/** The `orders.cartAttachToMember` task. */
export async function cartAttachTask(payload: unknown, db: Db): Promise<void> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    log.error({ task: CART_ATTACH_TASK }, 'cart attach job with a malformed payload dropped');
    return;
  }
  const outcome = await db.transaction((tx) => attachCartToMember(tx, parsed.data.cartId, parsed.data.memberId));
  log.info({ task: CART_ATTACH_TASK, outcome }, 'guest cart attach handled');
}
