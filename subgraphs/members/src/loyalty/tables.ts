// Tables of loyalty: the points and store-credit ledgers with their balances, tier rules and earning settings.
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { member, members, memberTier } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** Why a ledger entry exists; reversals name what they undo. */
export const ledgerReason = members.enum('ledger_reason', [
  'ORDER_EARN',
  'EARN_REVERSAL',
  'REDEMPTION',
  'REDEMPTION_REVERSAL',
  'REFUND',
  'MANUAL',
  'EXPIRY',
  'OPENING_BALANCE',
  'BIRTHDAY',
]);

/** What the entry's source id names: an order, a refund, a staff member, a scheduled run or an import. */
export const ledgerSourceKind = members.enum('ledger_source_kind', ['ORDER', 'REFUND', 'STAFF', 'SCHEDULE', 'IMPORT']);

export type LedgerReason = (typeof ledgerReason.enumValues)[number];
export type LedgerSourceKind = (typeof ledgerSourceKind.enumValues)[number];

/**
 * A member's spendable points. The conditional update in points.ts keeps it
 * from going negative; the CHECK is the backstop should any other statement try.
 */
export const pointsBalance = members.table(
  'points_balance',
  {
    memberId: uuid('member_id').primaryKey().references(() => member.id),
    balance: integer('balance').notNull().default(0),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [check('points_balance_not_negative', sql`${t.balance} >= 0`)],
);

/**
 * The points ledger, append-only. A (reason, source id) pair of an order or a
 * refund occurs once, so completing or refunding the same order twice posts once.
 */
export const pointsEntry = members.table(
  'points_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => member.id),
    delta: integer('delta').notNull(),
    reason: ledgerReason('reason').notNull(),
    sourceKind: ledgerSourceKind('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    // What the staff member wrote for a manual adjustment.
    note: text('note'),
    // Staff id of a manual adjustment; null for the system.
    actorId: text('actor_id'),
    // The order amount an earn was for, in the settings' currency: spend in a tier window is the sum of these.
    basisMinor: bigint('basis_minor', { mode: 'bigint' }),
    expiresAt: at('expires_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('points_entry_member_idx').on(t.memberId, t.createdAt, t.id),
    uniqueIndex('points_entry_source_once').on(t.reason, t.sourceKind, t.sourceId).where(sql`${t.sourceKind} <> 'STAFF'`),
  ],
);

/** A member's store credit in one currency; never negative, as points. */
export const creditBalance = members.table(
  'store_credit_balance',
  {
    memberId: uuid('member_id').notNull().references(() => member.id),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    balanceMinor: bigint('balance_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.currencyCode] }),
    check('store_credit_balance_not_negative', sql`${t.balanceMinor} >= 0`),
  ],
);

/** The store-credit ledger, append-only, with the same once-per-source rule as points. */
export const creditEntry = members.table(
  'store_credit_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => member.id),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    deltaMinor: bigint('delta_minor', { mode: 'bigint' }).notNull(),
    reason: ledgerReason('reason').notNull(),
    sourceKind: ledgerSourceKind('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    note: text('note'),
    actorId: text('actor_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('store_credit_entry_member_idx').on(t.memberId, t.createdAt, t.id),
    uniqueIndex('store_credit_entry_source_once').on(t.reason, t.sourceKind, t.sourceId).where(sql`${t.sourceKind} <> 'STAFF'`),
  ],
);

export const tierBasis = members.enum('tier_basis', ['SPEND', 'POINTS']);

/** What it takes to hold a tier and what it gives. BRONZE is everyone's floor. */
export const tierRule = members.table(
  'tier_rule',
  {
    tier: memberTier('tier').primaryKey(),
    basis: tierBasis('basis').notNull(),
    // Minor units of the settings' currency for SPEND, points for POINTS.
    threshold: bigint('threshold', { mode: 'bigint' }).notNull(),
    windowDays: integer('window_days').notNull(),
    // Basis points: 10000 earns the base rate, 15000 one and a half times it.
    multiplierBp: integer('multiplier_bp').notNull().default(10_000),
    benefits: text('benefits').notNull().default(''),
    updatedBy: text('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('tier_rule_threshold_not_negative', sql`${t.threshold} >= 0`),
    check('tier_rule_window_positive', sql`${t.windowDays} > 0`),
    check('tier_rule_multiplier_positive', sql`${t.multiplierBp} > 0`),
  ],
);

/** The one row of earning and redemption settings. */
export const loyaltySettings = members.table(
  'loyalty_settings',
  {
    singleton: boolean('singleton').primaryKey().default(true),
    currencyCode: char('currency_code', { length: 3 }).notNull().default('THB'),
    // Points earned per `earnPerMinor` minor units spent (default 1 point per 25.00).
    earnPoints: integer('earn_points').notNull().default(1),
    earnPerMinor: bigint('earn_per_minor', { mode: 'bigint' }).notNull().default(sql`2500`),
    // What one point is worth at redemption, in minor units (default 0.25).
    pointValueMinor: bigint('point_value_minor', { mode: 'bigint' }).notNull().default(sql`25`),
    pointsExpireDays: integer('points_expire_days').notNull().default(365),
    // Points given on a member's birthday, once a year (0: a greeting only).
    birthdayPoints: integer('birthday_points').notNull().default(100),
    // A member whose last order is this many days old is sent a win-back message, once per lapse.
    winBackDays: integer('win_back_days').notNull().default(90),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('loyalty_settings_singleton', sql`${t.singleton}`),
    check('loyalty_settings_rates_positive', sql`${t.earnPoints} > 0 and ${t.earnPerMinor} > 0 and ${t.pointValueMinor} > 0`),
    check('loyalty_settings_schedules_valid', sql`${t.birthdayPoints} >= 0 and ${t.winBackDays} > 0`),
  ],
);

export type PointsEntryRow = typeof pointsEntry.$inferSelect;
export type CreditEntryRow = typeof creditEntry.$inferSelect;
export type TierRuleRow = typeof tierRule.$inferSelect;
export type LoyaltySettingsRow = typeof loyaltySettings.$inferSelect;
