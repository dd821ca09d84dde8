// Tables of storefront carts: the cart and its lines.
import { sql } from 'drizzle-orm';
import { char, check, integer, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { orderChannel, orders, shippingContact } from '../tables.js';

/** A storefront cart: readable by whoever holds its (unguessable) id, or bound to one member. */
export const cart = orders.table('cart', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id'),
  channel: orderChannel('channel').notNull(),
  currencyCode: char('currency_code', { length: 3 }).notNull(),
  shippingMethod: text('shipping_method'),
  ...shippingContact,
  /** Set when checkout turns the cart into an order; a completed cart no longer changes. */
  orderId: uuid('order_id'),
  /**
   * Set when signing in moved this guest cart's lines into the member's open cart
   * (cart/attach.ts): the cart is closed and no longer changes.
   */
  mergedIntoId: uuid('merged_into_id'),
  /** Coupon codes the customer applied (coupons' cartApplyCoupon); priced by coupons' engine with the cart. */
  couponCodes: text('coupon_codes').array().notNull().default(sql`'{}'`),
  ...timestamps,
});

export const cartLine = orders.table(
  'cart_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cartId: uuid('cart_id')
      .notNull()
      .references(() => cart.id),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    unique('cart_line_variant_unique').on(t.cartId, t.variantId),
    check('cart_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export type CartRow = typeof cart.$inferSelect;
export type CartLineRow = typeof cartLine.$inferSelect;
