// Guest cart attach: signing in or up hands the device's guest cart to the member, through a job orders runs.
import { isId, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';

/**
 * The orders task that gives the guest cart to the member (orders' cart/attach.ts).
 * Named, not imported: members never imports @shop/orders (orders imports members' commands).
 */
export const CART_ATTACH_TASK = 'orders.cartAttachToMember';

/**
 * Asks orders, in the sign-in or sign-up transaction, to give the guest cart to
 * the member (or merge it into their open cart). A missing or malformed id asks
 * nothing: signing in never fails because of the cart. The payload holds ids only;
 * the key includes the member so two members naming one cart each get their try
 * (the first takes it, orders never takes an owned cart).
 */
export async function attachGuestCart(tx: Db, memberId: string, guestCartId: string | null | undefined): Promise<void> {
  if (!guestCartId || !isId(guestCartId)) return;
  const cartId = guestCartId.toLowerCase();
  await enqueue(tx, CART_ATTACH_TASK, { cartId, memberId }, { jobKey: `cartAttach:${cartId}:${memberId}` });
}
