// Tables of the reports schema: facts copied from other domains by jobs, and the per-day roll-ups built from them.
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, date, index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const reports = pgSchema('reports');

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** The sending domain's updatedAt of the fact: a job carrying an older one changes nothing (jobs may run twice or out of order). */
const sourceUpdatedAt = timestamp('source_updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull();

/**
 * Where an order or refund was sold, as roll-up keys. '' stands for "unknown"
 * (not null) so the keys can be part of a roll-up's primary key.
 */
const salesKeys = {
  channel: text('channel').notNull(),
  warehouseId: text('warehouse_id').notNull().default(''),
  /** Ship country and province, "TH-Bangkok", or the country alone. */
  region: text('region').notNull().default(''),
  /** members' pricing standing of the buyer at checkout. */
  memberTier: text('member_tier').notNull().default(''),
};

/**
 * One row per order, copied from the orders domain by the reports.recordOrder
 * task (reports never reads the orders tables). order_id is the orders domain's
 * id, hence no foreign key.
 */
export const orderFact = reports.table(
  'order_fact',
  {
    orderId: uuid('order_id').primaryKey(),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The shop day the order was placed, fixed when the fact is recorded: GMV counts on this day. */
    day: date('day', { mode: 'string' }).notNull(),
    // Plain text: the orders domain owns these vocabularies and may grow them.
    status: text('status').notNull(),
    /** Not a sale (cancelled, closed): kept so a later change of status finds the row, never counted. */
    counted: boolean('counted').notNull(),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    couponDiscountMinor: bigint('coupon_discount_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    promotionDiscountMinor: bigint('promotion_discount_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    memberId: uuid('member_id'),
    ...salesKeys,
    sourceUpdatedAt,
    ...timestamps,
  },
  (t) => [
    index('order_fact_placed_idx').on(t.placedAt),
    index('order_fact_day_idx').on(t.currencyCode, t.day),
    // A member's first counted order (new vs returning) is one index probe.
    index('order_fact_member_idx').on(t.memberId, t.placedAt).where(sql`${t.counted} and ${t.memberId} is not null`),
  ],
);

/** The lines of an order fact, replaced with it. Revenue is net of the line's share of the order's discounts. */
export const orderLineFact = reports.table(
  'order_line_fact',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orderFact.orderId, { onDelete: 'cascade' }),
    lineId: uuid('line_id').notNull(),
    productId: uuid('product_id'),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    netMinor: bigint('net_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineId] })],
);

/**
 * One row per refund, counted on the shop day it was refunded while its order
 * counts as a sale (a cancelled order's refund undoes no GMV); the sales keys are the order's.
 */
export const refundFact = reports.table(
  'refund_fact',
  {
    refundId: uuid('refund_id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    refundedAt: timestamp('refunded_at', { withTimezone: true, mode: 'date' }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    ...salesKeys,
    sourceUpdatedAt,
    ...timestamps,
  },
  (t) => [
    index('refund_fact_day_idx').on(t.currencyCode, t.day),
    // A change of the order's status re-rolls the days of its refunds (only refunds of counted orders count).
    index('refund_fact_order_idx').on(t.orderId),
  ],
);

/**
 * Storefront traffic from members' behaviour events: page views per batch of
 * events, shop day, source, campaign and visitor (a hash of the device or
 * member id). A batch's rows are written together, so a job that runs twice
 * writes the same rows again.
 */
export const trafficFact = reports.table(
  'traffic_fact',
  {
    batchId: text('batch_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** '' when the event named none (direct traffic). */
    source: text('source').notNull().default(''),
    campaign: text('campaign').notNull().default(''),
    visitorHash: text('visitor_hash').notNull(),
    pageViews: integer('page_views').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.day, t.source, t.campaign, t.visitorHash] }),
    index('traffic_fact_day_idx').on(t.day),
  ],
);

/** Sales per shop day, currency and sales keys: recomputed as a whole per (day, currency) by reports.rollupDay. */
export const salesRollup = reports.table(
  'sales_rollup',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    ...salesKeys,
    orders: integer('orders').notNull(),
    gmvMinor: bigint('gmv_minor', { mode: 'bigint' }).notNull(),
    couponMinor: bigint('coupon_minor', { mode: 'bigint' }).notNull(),
    promotionMinor: bigint('promotion_minor', { mode: 'bigint' }).notNull(),
    /** Orders that were their member's first counted order: one per new member. */
    newMembers: integer('new_members').notNull(),
    refunds: integer('refunds').notNull(),
    refundMinor: bigint('refund_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.currencyCode, t.day, t.channel, t.warehouseId, t.region, t.memberTier] })],
);

/**
 * Units and net line revenue per shop day, currency, product and sales keys.
 * Category and brand come from products (productReportLabels) when a report
 * reads it, so a product filed elsewhere moves its history with it.
 */
export const productRollup = reports.table(
  'product_rollup',
  {
    day: date('day', { mode: 'string' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    /** '' for lines of products the order no longer names. */
    productId: text('product_id').notNull(),
    ...salesKeys,
    units: integer('units').notNull(),
    revenueMinor: bigint('revenue_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.currencyCode, t.day, t.productId, t.channel, t.warehouseId, t.region, t.memberTier] })],
);

export type OrderFactRow = typeof orderFact.$inferSelect;
export type OrderFactInsert = typeof orderFact.$inferInsert;
