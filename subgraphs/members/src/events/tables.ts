// Tables of behaviour events: the append-only event log, device links and the summaries a job keeps.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { member, members } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const behaviourEventType = members.enum('behaviour_event_type', ['PRODUCT_VIEW', 'ADD_TO_CART', 'SEARCH']);

/**
 * What storefronts report, append-only: the service only inserts (no update or delete path). The member is the
 * session's at the time of sending; anonymous events stay null here and reach a member through `member_device`,
 * so a sign-in never rewrites history.
 */
export const behaviourEvent = members.table(
  'behaviour_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: text('device_id').notNull(),
    memberId: uuid('member_id'),
    type: behaviourEventType('type').notNull(),
    // products.product id; no foreign key across schemas.
    productId: uuid('product_id'),
    query: text('query'),
    source: text('source'),
    campaign: text('campaign'),
    // The storefront's clock (checked against ours), and ours: the summary job finds new events by the latter.
    occurredAt: at('occurred_at').notNull(),
    receivedAt: at('received_at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    index('behaviour_event_device_idx').on(t.deviceId, t.occurredAt),
    index('behaviour_event_member_idx').on(t.memberId, t.occurredAt).where(sql`${t.memberId} is not null`),
    index('behaviour_event_product_idx').on(t.productId, t.occurredAt).where(sql`${t.productId} is not null`),
    index('behaviour_event_received_idx').on(t.receivedAt),
  ],
);

/** Which member a device belongs to now: its anonymous events, before and after sign-in, count for them. */
export const memberDevice = members.table(
  'member_device',
  {
    deviceId: text('device_id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    // The member it belonged to before another one signed in on it: their summary must drop its events.
    previousMemberId: uuid('previous_member_id'),
    ...timestamps,
  },
  (t) => [index('member_device_member_idx').on(t.memberId), index('member_device_updated_idx').on(t.updatedAt)],
);

/** A product among a member's most viewed, as the job stores it. */
export interface TopProduct {
  productId: string;
  views: number;
}

/** A source and campaign pair among a member's most frequent, as the job stores it. */
export interface TopSource {
  source: string | null;
  campaign: string | null;
  events: number;
}

/** A member's behaviour over the last `windowDays` days, as of `updatedAt` (members.summariseEvents). */
export const memberBehaviour = members.table(
  'member_behaviour',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    windowDays: smallint('window_days').notNull(),
    views: integer('views').notNull(),
    addsToCart: integer('adds_to_cart').notNull(),
    searches: integer('searches').notNull(),
    lastActivityAt: at('last_activity_at'),
    // Most viewed products and most frequent source/campaign pairs, largest first (at most 10 each).
    topProducts: jsonb('top_products').$type<TopProduct[]>().notNull(),
    topSources: jsonb('top_sources').$type<TopSource[]>().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.memberId, t.windowDays] }), index('member_behaviour_updated_idx').on(t.updatedAt)],
);

/** A product's engagement over the last `windowDays` days, as of `updatedAt` (members.summariseEvents). */
export const productEngagement = members.table(
  'product_engagement',
  {
    productId: uuid('product_id').notNull(),
    windowDays: smallint('window_days').notNull(),
    views: integer('views').notNull(),
    addsToCart: integer('adds_to_cart').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.productId, t.windowDays] })],
);

/** How far the summary job has looked at received events; one row. */
export const behaviourSummaryRun = members.table('behaviour_summary_run', {
  id: smallint('id').primaryKey().default(1),
  coveredUntil: at('covered_until').notNull(),
  ...timestamps,
});

export type BehaviourEventRow = typeof behaviourEvent.$inferSelect;
export type BehaviourEventType = (typeof behaviourEventType.enumValues)[number];
export type MemberBehaviourRow = typeof memberBehaviour.$inferSelect;
export type ProductEngagementRow = typeof productEngagement.$inferSelect;
