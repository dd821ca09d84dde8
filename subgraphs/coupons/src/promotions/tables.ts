// Tables of promotions: automatic discounts, one row each, read by the pricing engine's promotions source.
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { coupons } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const promotionKind = coupons.enum('promotion_kind', [
  'TIERED_SPEND', 'PERCENT_OFF', 'FIXED_OFF', 'BUY_X_GET_Y', 'NTH_ITEM_PERCENT', 'TIER_PRICE',
]);
/** What staff decided; SCHEDULED/ACTIVE/ENDED are derived from the schedule of an ACTIVE row. */
export const promotionLifecycle = coupons.enum('promotion_lifecycle', ['DRAFT', 'ACTIVE', 'ARCHIVED']);
export const promotionScopeKind = coupons.enum('promotion_scope_kind', ['ALL', 'PRODUCTS', 'CATEGORIES', 'COLLECTIONS']);

/** A spend tier as stored: minor units as decimal strings (jsonb has no bigint). */
export interface StoredSpendTier {
  thresholdMinor: string;
  offMinor: string;
}

export const promotion = coupons.table(
  'promotion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: promotionKind('kind').notNull(),
    lifecycle: promotionLifecycle('lifecycle').notNull().default('DRAFT'),
    /** Title per language tag (en always present). */
    titles: jsonb('titles').$type<Record<string, string>>().notNull(),
    priority: integer('priority').notNull().default(100),
    combinable: boolean('combinable').notNull().default(true),
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    /** Empty arrays mean no restriction. */
    channels: text('channels').array().notNull().default(sql`'{}'`),
    memberTiers: text('member_tiers').array().notNull().default(sql`'{}'`),
    segmentIds: text('segment_ids').array().notNull().default(sql`'{}'`),
    scopeKind: promotionScopeKind('scope_kind').notNull().default('ALL'),
    scopeIds: text('scope_ids').array().notNull().default(sql`'{}'`),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    spendTiers: jsonb('spend_tiers').$type<StoredSpendTier[]>(),
    /** Basis points (10000 = 100%). */
    percentBp: integer('percent_bp'),
    amountOffMinor: bigint('amount_off_minor', { mode: 'bigint' }),
    maxDiscountMinor: bigint('max_discount_minor', { mode: 'bigint' }),
    minSpendMinor: bigint('min_spend_minor', { mode: 'bigint' }),
    buyQuantity: integer('buy_quantity'),
    getQuantity: integer('get_quantity'),
    nth: integer('nth'),
    archivedAt: at('archived_at'),
    ...timestamps,
  },
  (t) => [
    index('promotion_created_idx').on(t.createdAt, t.id),
    // The pricing source reads active promotions at every cart view.
    index('promotion_active_idx').on(t.lifecycle, t.startsAt, t.endsAt),
    check('promotion_ends_after_start', sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} > ${t.startsAt}`),
    check('promotion_percent_range', sql`${t.percentBp} is null or (${t.percentBp} between 1 and 10000)`),
    check('promotion_amounts_positive', sql`coalesce(${t.amountOffMinor}, 1) > 0 and coalesce(${t.maxDiscountMinor}, 1) > 0 and coalesce(${t.minSpendMinor}, 0) >= 0`),
  ],
);

export type PromotionRow = typeof promotion.$inferSelect;
