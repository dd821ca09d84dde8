// Tables of flash sales: sessions (time windows), their items (a flash price and quota per variant),
// the quota split over bucket rows, what each order took, and what each member bought per item.
import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, jsonb, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { coupons } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** A flash-sale session: a window in which its items sell at their flash price, on some channels. */
export const flashSale = coupons.table(
  'flash_sale',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The title per locale (en, th, zh-CN, zh-TW, ar); en is required and the fallback. */
    titles: jsonb('titles').$type<Record<string, string>>().notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    /** orders' channels the flash prices apply on; empty = every channel. */
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    /** An order with a flash price expires unpaid after this many minutes (shorter than the shop's default). */
    paymentTimeoutMinutes: integer('payment_timeout_minutes').notNull(),
    archivedAt: at('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('flash_sale_window_idx').on(t.endsAt, t.startsAt),
    index('flash_sale_created_idx').on(t.createdAt, t.id),
    check('flash_sale_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('flash_sale_payment_timeout_range', sql`${t.paymentTimeoutMinutes} between 1 and 1440`),
  ],
);

/**
 * One variant in a session: its flash price, its quota (units at that price
 * across all buyers) and how many units one member may buy. The quota itself
 * lives in flash_sale_bucket rows; `quota` is the total they were filled with.
 * Removed items keep their row (orders that took quota still release into it).
 */
export const flashSaleItem = coupons.table(
  'flash_sale_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flashSaleId: uuid('flash_sale_id')
      .notNull()
      .references(() => flashSale.id),
    /** products' variant and its product (no foreign key across schemas). */
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    flashPriceMinor: bigint('flash_price_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    quota: integer('quota').notNull(),
    /** Units one member may buy at the flash price in this session; null = no limit (guests may buy too). */
    perMemberLimit: integer('per_member_limit'),
    /** How many bucket rows hold the quota: concurrent buyers spread their conditional updates over them. */
    bucketCount: smallint('bucket_count').notNull(),
    removedAt: at('removed_at'),
    ...timestamps,
  },
  (t) => [
    // A variant has one flash price per session.
    uniqueIndex('flash_sale_item_variant_idx').on(t.flashSaleId, t.variantId).where(sql`${t.removedAt} is null`),
    index('flash_sale_item_variant_lookup_idx').on(t.variantId),
    check('flash_sale_item_price_not_negative', sql`${t.flashPriceMinor} >= 0`),
    check('flash_sale_item_quota_positive', sql`${t.quota} > 0`),
    check('flash_sale_item_limit_positive', sql`${t.perMemberLimit} is null or ${t.perMemberLimit} > 0`),
    check('flash_sale_item_buckets_range', sql`${t.bucketCount} between 1 and 64`),
  ],
);

/**
 * A share of an item's quota. A hot item under a spike is many buyers updating
 * its quota at once; one row would serialise them all (design.md trap 11), so
 * each buyer takes from a random bucket with `remaining >= qty` and tries the next on a miss.
 */
export const flashSaleBucket = coupons.table(
  'flash_sale_bucket',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => flashSaleItem.id),
    bucket: smallint('bucket').notNull(),
    remaining: integer('remaining').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.bucket] }), check('flash_sale_bucket_not_negative', sql`${t.remaining} >= 0`)],
);

/** What an order took from a bucket: given back once (released_at) when the order is cancelled or expires. */
export const flashSaleTake = coupons.table(
  'flash_sale_take',
  {
    orderId: uuid('order_id').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => flashSaleItem.id),
    bucket: smallint('bucket').notNull(),
    quantity: integer('quantity').notNull(),
    /** The buyer, whose per-member count the release lowers again; null for a guest. */
    memberId: uuid('member_id'),
    releasedAt: at('released_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.itemId, t.bucket] }), index('flash_sale_take_item_idx').on(t.itemId), check('flash_sale_take_positive', sql`${t.quantity} > 0`)],
);

/** Units a member holds of an item at the flash price (orders not released); the per-member limit is checked on this row. */
export const flashSaleMemberUse = coupons.table(
  'flash_sale_member_use',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => flashSaleItem.id),
    memberId: uuid('member_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] }), check('flash_sale_member_use_not_negative', sql`${t.quantity} >= 0`)],
);

export type FlashSaleRow = typeof flashSale.$inferSelect;
export type FlashSaleItemRow = typeof flashSaleItem.$inferSelect;
