import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

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

export const order = orders.table(
  'order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    // members.member id: another domain's row, so no foreign key. Null for walk-in sales.
    memberId: uuid('member_id'),
    channel: orderChannel('channel').notNull(),
    status: orderStatus('status').notNull().default('PENDING_PAYMENT'),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    ...timestamps,
  },
  (t) => [
    index('order_created_idx').on(t.createdAt, t.id),
    index('order_member_created_idx').on(t.memberId, t.createdAt, t.id),
    index('order_total_idx').on(t.totalMinor, t.id),
  ],
);

/** A line keeps the SKU, title and price as sold, whatever the catalog says later. */
export const orderLine = orders.table(
  'order_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    // products.variant id: another domain's row, so no foreign key.
    variantId: uuid('variant_id').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
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

export type OrderRow = typeof order.$inferSelect;
export type OrderLineRow = typeof orderLine.$inferSelect;
