// The orders schema and the tables of its main noun: orders, their lines and their history.
import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import type { JsonPricing } from './pricing/index.js';

export const orders = pgSchema('orders');

export const orderChannel = orders.enum('order_channel', [
  'ONLINE_STORE',
  'MINI_PROGRAM',
  'MOBILE_APP',
  'POINT_OF_SALE',
  'MARKETPLACE',
]);

export const orderStatus = orders.enum('order_status', [
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLING',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'CLOSED',
]);

/** Order numbers (SO-<n>); the seed moves it past the demo numbers. */
export const orderNumberSeq = orders.sequence('order_number_seq', { startWith: 100001 });

/**
 * Where and to whom an order ships: a snapshot on the order (and the cart),
 * because orders cannot read the members schema and an address may change later.
 */
export const shippingContact = {
  shipName: text('ship_name'),
  shipPhone: text('ship_phone'),
  // Digits only, so "+66 81-234 5678" and "66812345678" find the same order.
  shipPhoneDigits: text('ship_phone_digits'),
  shipLine1: text('ship_line1'),
  shipLine2: text('ship_line2'),
  shipCity: text('ship_city'),
  shipRegion: text('ship_region'),
  shipPostalCode: text('ship_postal_code'),
  // ISO 3166-1 alpha-2.
  shipCountry: char('ship_country', { length: 2 }),
  email: text('email'),
};

export const order = orders.table(
  'order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    // members.member id: another domain's row, so no foreign key. Null for walk-in and guest sales.
    memberId: uuid('member_id'),
    channel: orderChannel('channel').notNull(),
    status: orderStatus('status').notNull().default('PENDING_PAYMENT'),
    /** Sum of the lines; prices include tax. */
    subtotalMinor: bigint('subtotal_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    shippingMinor: bigint('shipping_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    discountMinor: bigint('discount_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Points the customer redeemed at checkout (members' ledger holds them, keyed by this order's id). */
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    /** What those points took off, in minor units; part of discountMinor. */
    pointsDiscountMinor: bigint('points_discount_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    /** How the price was reached at placement (coupons' engine result, amounts as strings); null for older orders. */
    pricing: jsonb('pricing').$type<JsonPricing>(),
    /** Tax contained in the total (prices are tax-inclusive), for invoices and reports. */
    taxMinor: bigint('tax_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    shippingMethod: text('shipping_method'),
    ...shippingContact,
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The marketplace an imported order came from, and its id there (a re-import finds it). */
    marketplace: text('marketplace'),
    externalOrderId: text('external_order_id'),
    /** The storefront cart the order consumed; unique, so a cart becomes at most one order. */
    cartId: uuid('cart_id').unique(),
    ...timestamps,
  },
  (t) => [
    index('order_created_idx').on(t.createdAt, t.id),
    index('order_member_created_idx').on(t.memberId, t.createdAt, t.id),
    index('order_total_idx').on(t.totalMinor, t.id),
    index('order_status_created_idx').on(t.status, t.createdAt, t.id),
    index('order_channel_created_idx').on(t.channel, t.createdAt, t.id),
    index('order_tags_idx').using('gin', t.tags),
    index('order_phone_idx').on(t.shipPhoneDigits),
    // The last 8 digits: a phone typed in local form (081…) finds one stored internationally (+66 81…).
    index('order_phone_tail_idx').on(sql`right(${t.shipPhoneDigits}, 8)`),
    // Byte order (C collation): a name prefix becomes an index range scan.
    index('order_name_idx').on(sql`(lower(${t.shipName}) collate "C")`),
    index('order_tracking_idx').on(t.trackingNumber),
    unique('order_marketplace_external_unique').on(t.marketplace, t.externalOrderId),
  ],
);

/** A line keeps the SKU, titles, options and price as sold, whatever the catalog says later. */
export const orderLine = orders.table(
  'order_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    // products.variant / product ids: another domain's rows, so no foreign key.
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id'),
    sku: text('sku').notNull(),
    /** Product and variant title together, e.g. "Linen shirt — M / Blue". */
    title: text('title').notNull(),
    productTitle: text('product_title').notNull().default(''),
    variantTitle: text('variant_title').notNull().default(''),
    options: jsonb('options').$type<{ name: string; value: string }[]>().notNull().default([]),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('order_line_order_idx').on(t.orderId, t.position),
    check('order_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** Append-only: every transition, note and tag change, with who (or which rule) did it. */
export const orderHistory = orders.table(
  'order_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    /** PLACED, TRANSITION, NOTE, TAGS_ADDED, TAGS_REMOVED, or a kind another module writes (PAYMENT, FLAG...). */
    kind: text('kind').notNull(),
    actorKind: text('actor_kind').$type<'staff' | 'customer' | 'partner' | 'system'>().notNull(),
    // access.staff / members.member / access.api_key id, or null for the system.
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('order_history_order_idx').on(t.orderId, t.createdAt, t.id)],
);

export type OrderRow = typeof order.$inferSelect;
export type OrderLineRow = typeof orderLine.$inferSelect;
export type OrderHistoryRow = typeof orderHistory.$inferSelect;
export type OrderStatus = OrderRow['status'];
export type OrderChannel = OrderRow['channel'];
