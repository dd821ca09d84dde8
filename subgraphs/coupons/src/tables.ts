// Tables of the coupons schema: the coupon template (main noun). Codes, batches and redemptions live in their areas.
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const coupons = pgSchema('coupons');

export const couponKind = coupons.enum('coupon_kind', ['PERCENTAGE', 'FIXED_AMOUNT', 'FREE_SHIPPING']);

export const COUPON_SCOPES = ['ALL', 'CATEGORIES', 'PRODUCTS', 'COLLECTIONS'] as const;
export type CouponScopeKind = (typeof COUPON_SCOPES)[number];

/** Titles beside the English `title`, by locale (th, zh-CN, zh-TW, ar). */
export type CouponTitles = Partial<Record<string, string>>;

// Millisecond precision: keyset cursors carry JS Dates, and a microsecond
// created_at would compare greater than its own cursor and repeat rows across pages.
export const coupon = coupons.table(
  'coupon',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A shared code anyone eligible may type; null for coupons handed out only as personal or generated codes. */
    code: text('code').unique(),
    /** The English title, the fallback of every locale. */
    title: text('title').notNull(),
    titles: jsonb('titles').$type<CouponTitles>().notNull().default({}),
    kind: couponKind('kind').notNull(),
    /** Percent off (1–100) for PERCENTAGE, minor units off for FIXED_AMOUNT, 0 for FREE_SHIPPING. */
    value: bigint('value', { mode: 'bigint' }).notNull(),
    /** The most a PERCENTAGE coupon takes off, or the most of the shipping fee FREE_SHIPPING waives; null: no cap. */
    maxDiscountMinor: bigint('max_discount_minor', { mode: 'bigint' }),
    /** Currency of a fixed amount, the cap and the minimum spend; a cart in another currency cannot use the coupon. */
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    minimumSpendMinor: bigint('minimum_spend_minor', { mode: 'bigint' }).notNull(),
    scopeKind: text('scope_kind').$type<CouponScopeKind>().notNull().default('ALL'),
    /** Product, category or collection ids of the scope (empty for ALL). */
    scopeIds: uuid('scope_ids').array().notNull().default(sql`'{}'::uuid[]`),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** How many may be handed out (claims, pushes, generated codes) and how many redeemed; null: unlimited. */
    totalQuantity: integer('total_quantity'),
    /** Personal and generated codes handed out so far; never above totalQuantity. */
    issuedCount: integer('issued_count').notNull().default(0),
    /** Redemptions held by orders (a cancelled order gives its one back); never above totalQuantity. */
    redeemedCount: integer('redeemed_count').notNull().default(0),
    /** Redemptions (and claims) one member may hold; null: no limit. */
    perMemberLimit: integer('per_member_limit'),
    /** orders' channels the coupon applies on; empty: every channel. */
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    /** Member tiers it is for; empty: any. */
    tiers: text('tiers').array().notNull().default(sql`'{}'::text[]`),
    /** Member segments it is for (any of them); empty: any. */
    segmentIds: uuid('segment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Whether it stacks with promotions (two coupons never do). */
    combinable: boolean('combinable').notNull().default(true),
    /** Whether signed-in customers may claim it in the storefront. */
    claimable: boolean('claimable').notNull().default(false),
    // Soft archive: orders that redeemed the coupon keep pointing at it.
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('coupon_created_idx').on(t.createdAt, t.id),
    // The database refuses coupons that no checkout could apply sensibly. Text casts: a check may not
    // name an enum value added in the same migration.
    check('coupon_value_positive', sql`${t.kind}::text = 'FREE_SHIPPING' or ${t.value} > 0`),
    check('coupon_value_not_negative', sql`${t.value} >= 0`),
    check('coupon_percent_at_most_100', sql`${t.kind} <> 'PERCENTAGE' or ${t.value} <= 100`),
    check('coupon_minimum_spend_not_negative', sql`${t.minimumSpendMinor} >= 0`),
    check('coupon_cap_positive', sql`${t.maxDiscountMinor} is null or ${t.maxDiscountMinor} > 0`),
    check('coupon_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('coupon_scope_kind', sql`${t.scopeKind} in ('ALL', 'CATEGORIES', 'PRODUCTS', 'COLLECTIONS')`),
    // The last line of defence against over-issuing: the conditional updates never get here.
    check('coupon_issued_within_quantity', sql`${t.totalQuantity} is null or ${t.issuedCount} <= ${t.totalQuantity}`),
    check('coupon_redeemed_within_quantity', sql`${t.totalQuantity} is null or ${t.redeemedCount} <= ${t.totalQuantity}`),
    check('coupon_counts_not_negative', sql`${t.issuedCount} >= 0 and ${t.redeemedCount} >= 0`),
    check('coupon_quantity_positive', sql`${t.totalQuantity} is null or ${t.totalQuantity} > 0`),
    check('coupon_per_member_limit_positive', sql`${t.perMemberLimit} is null or ${t.perMemberLimit} > 0`),
  ],
);

export type CouponRow = typeof coupon.$inferSelect;
