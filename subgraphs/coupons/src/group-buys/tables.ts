// Tables of group buys (拼团): campaigns staff run, the groups shoppers open, and the places members take in them.
import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, jsonb, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { coupons } from '../tables.js';

/** Title per locale (en is the fallback). */
export type LocalizedTitles = Record<string, string>;

/**
 * A product offered at a group price once `group_size` members buy it together
 * within `fill_minutes` of the group's opening. Groups open only between
 * starts_at and ends_at; archived campaigns open none.
 */
export const groupBuyCampaign = coupons.table(
  'group_buy_campaign',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id').notNull(),
    titles: jsonb('titles').$type<LocalizedTitles>().notNull(),
    groupPriceMinor: bigint('group_price_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    groupSize: integer('group_size').notNull(),
    fillMinutes: integer('fill_minutes').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date', precision: 3 }),
    ...timestamps,
  },
  (t) => [
    index('group_buy_campaign_created_idx').on(t.createdAt, t.id),
    index('group_buy_campaign_product_idx').on(t.productId),
    check('group_buy_campaign_price_positive', sql`${t.groupPriceMinor} > 0`),
    check('group_buy_campaign_size', sql`${t.groupSize} between 2 and 100`),
    check('group_buy_campaign_fill', sql`${t.fillMinutes} between 5 and 10080`),
    check('group_buy_campaign_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const groupBuyGroupStatus = coupons.enum('group_buy_group_status', ['OPEN', 'SUCCEEDED', 'FAILED']);

/**
 * One group: its leader opened it by buying; it succeeds when `size` places are
 * paid before `expires_at`, else it fails. `places_taken` counts places not
 * released (checkout takes one with a conditional UPDATE, so a group never holds
 * more than `size`); `places_paid` counts the paid ones.
 */
export const groupBuyGroup = coupons.table(
  'group_buy_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => groupBuyCampaign.id),
    leaderMemberId: uuid('leader_member_id').notNull(),
    status: groupBuyGroupStatus('status').notNull().default('OPEN'),
    size: integer('size').notNull(),
    placesTaken: integer('places_taken').notNull().default(0),
    placesPaid: integer('places_paid').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date', precision: 3 }),
    ...timestamps,
  },
  (t) => [
    index('group_buy_group_campaign_idx').on(t.campaignId, t.createdAt, t.id),
    index('group_buy_group_created_idx').on(t.createdAt, t.id),
    // The expiry sweep reads open groups by deadline.
    index('group_buy_group_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'OPEN'`),
    check('group_buy_group_places', sql`${t.placesPaid} between 0 and ${t.placesTaken} and ${t.placesTaken} <= ${t.size}`),
  ],
);

export const groupBuyPlaceStatus = coupons.enum('group_buy_place_status', ['TAKEN', 'PAID', 'RELEASED']);

/** A member's place in a group, held by one order; released when that order is cancelled or expires unpaid. */
export const groupBuyPlace = coupons.table(
  'group_buy_place',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groupBuyGroup.id),
    memberId: uuid('member_id').notNull(),
    orderId: uuid('order_id').notNull(),
    status: groupBuyPlaceStatus('status').notNull().default('TAKEN'),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date', precision: 3 }),
    releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [
    uniqueIndex('group_buy_place_order_idx').on(t.orderId),
    // A member holds one place per group at a time.
    uniqueIndex('group_buy_place_member_idx').on(t.groupId, t.memberId).where(sql`${t.status} <> 'RELEASED'`),
    index('group_buy_place_group_idx').on(t.groupId),
  ],
);

export type GroupBuyCampaignRow = typeof groupBuyCampaign.$inferSelect;
export type GroupBuyGroupRow = typeof groupBuyGroup.$inferSelect;
export type GroupBuyPlaceRow = typeof groupBuyPlace.$inferSelect;
export type GroupBuyGroupStatus = (typeof groupBuyGroupStatus.enumValues)[number];
