import { sql } from 'drizzle-orm';
import { bigint, boolean, char, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { order, orders } from '../tables.js';

/** The merchant-configurable rules; each flag a rule raises carries the rule's name as its reason. */
export const flagRuleName = orders.enum('order_flag_rule', [
  'HIGH_TOTAL',
  'REPEATED_ADDRESS',
  'REPEATED_PHONE',
  'INCOMPLETE_ADDRESS',
  'PAYMENT_MISMATCH',
  'FIRST_ORDER_HIGH_TOTAL',
]);

export const flagReason = orders.enum('order_flag_reason', [...flagRuleName.enumValues, 'MANUAL_HOLD']);

export const flagStage = orders.enum('order_flag_stage', ['PLACEMENT', 'PAYMENT', 'MANUAL']);

/** A rule's settings as the merchant changed them; a rule without a row runs with its defaults. */
export const flagRule = orders.table('order_flag_rule_setting', {
  rule: flagRuleName('rule').primaryKey(),
  enabled: boolean('enabled').notNull(),
  thresholdMinor: bigint('threshold_minor', { mode: 'bigint' }),
  currencyCode: char('currency_code', { length: 3 }),
  maxOrders: integer('max_orders'),
  windowMinutes: integer('window_minutes'),
  updatedBy: text('updated_by'),
  ...timestamps,
});

/**
 * Why an order waits on hold. Open while cleared_at is null; an order with an
 * open flag cannot start fulfilment. A rule flags an order at most once, so an
 * operator's decision is not undone when the rule runs again at payment.
 */
export const orderFlag = orders.table(
  'order_flag',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    reason: flagReason('reason').notNull(),
    stage: flagStage('stage').notNull(),
    message: text('message').notNull(),
    raisedBy: text('raised_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date', precision: 3 }),
    clearedBy: text('cleared_by'),
    clearNote: text('clear_note'),
  },
  (t) => [
    index('order_flag_order_idx').on(t.orderId, t.createdAt),
    index('order_flag_open_idx').on(t.orderId).where(sql`${t.clearedAt} is null`),
    uniqueIndex('order_flag_rule_once').on(t.orderId, t.reason).where(sql`${t.reason} <> 'MANUAL_HOLD'`),
  ],
);

/**
 * Normalised shipping address and phone of each placed order, hashed, so
 * "several orders to one place" is an index range scan, not a scan of orders.
 */
export const orderFingerprint = orders.table(
  'order_fingerprint',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    kind: text('kind', { enum: ['ADDRESS', 'PHONE'] }).notNull(),
    digest: text('digest').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.kind] }), index('order_fingerprint_digest_idx').on(t.kind, t.digest, t.createdAt)],
);

export type FlagRuleName = (typeof flagRuleName.enumValues)[number];
export type FlagReason = (typeof flagReason.enumValues)[number];
export type FlagStage = (typeof flagStage.enumValues)[number];
export type OrderFlagRow = typeof orderFlag.$inferSelect;
export type FlagRuleRow = typeof flagRule.$inferSelect;
