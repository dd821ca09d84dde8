// Tables of the members schema: members, their consents and the history of consent changes.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const members = pgSchema('members');

export const memberTier = members.enum('member_tier', ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM']);
export const memberGender = members.enum('member_gender', ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED']);
export const memberLocale = members.enum('member_locale', ['en', 'th', 'zh-CN', 'zh-TW', 'ar']);
export const acquisitionChannel = members.enum('acquisition_channel', [
  'ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE', 'PHONE', 'MARKETPLACE', 'REFERRAL', 'OTHER',
]);
export const consentChannel = members.enum('consent_channel', ['EMAIL', 'SMS', 'LINE', 'WECHAT']);
export const consentSource = members.enum('consent_source', ['STOREFRONT', 'CONSOLE', 'IMPORT', 'MERGE']);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

// Millisecond precision: keyset cursors carry JS Dates, and a microsecond
// created_at would compare greater than its own cursor and repeat rows across pages.
export const member = members.table(
  'member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    email: text('email').notNull().unique(),
    // The number as the member or staff typed it, shown back to them.
    phone: text('phone'),
    // The same number in E.164 (+66812345678), what searches and duplicates compare.
    phoneE164: text('phone_e164'),
    birthday: date('birthday', { mode: 'string' }),
    gender: memberGender('gender'),
    locale: memberLocale('locale'),
    acquisitionChannel: acquisitionChannel('acquisition_channel'),
    tier: memberTier('tier').notNull().default('BRONZE'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // Internal notes of the staff about the member; never shown to the member.
    notes: text('notes'),
    // Argon2id PHC string. Null for members imported without a storefront account: they cannot sign in.
    passwordHash: text('password_hash'),
    // Updated by customer requests at most once a minute (one write per minute, not per request).
    lastSeenAt: at('last_seen_at'),
    // A disabled member cannot sign in and has no open session; enabling clears it.
    disabledAt: at('disabled_at'),
    // Set on the duplicate a merge emptied: the member that received everything.
    mergedIntoId: uuid('merged_into_id'),
    // Soft archive: orders keep referencing an archived member.
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    // Keyset pages of the default sort (newest first) and of the created from/to filter.
    index('member_created_idx').on(t.createdAt, t.id),
    // Keyset pages sorted by name.
    index('member_display_name_idx').on(t.displayName, t.id),
    // Sign-in and sign-up ignore case: one account per address however it is typed.
    uniqueIndex('member_email_lower_idx').on(sql`lower(${t.email})`),
    // Name search in any script: a trigram index finds a Thai or Chinese substring, which a b-tree cannot.
    index('member_display_name_trgm_idx').using('gin', sql`lower(${t.displayName}) gin_trgm_ops`),
    index('member_full_name_trgm_idx').using(
      'gin',
      sql`lower(coalesce(${t.givenName}, '') || ' ' || coalesce(${t.familyName}, '')) gin_trgm_ops`,
    ),
    // Email substring search (members:read_pii only).
    index('member_email_trgm_idx').using('gin', sql`lower(${t.email}) gin_trgm_ops`),
    // Phone search by digits in any format: the query is normalised and matched inside the E.164 form.
    index('member_phone_e164_trgm_idx').using('gin', t.phoneE164.op('gin_trgm_ops')),
    // A whole number is looked up by equality: its trigrams ("+66", "668") are in most numbers.
    index('member_phone_e164_idx').on(t.phoneE164),
    // The tag filter is `tags @> array[tag]`, which a GIN index on the array answers.
    index('member_tags_idx').using('gin', t.tags),
    // Tier and acquisition channel filters: few values each, so the index leads with them and keeps the sort order.
    index('member_tier_created_idx').on(t.tier, t.createdAt, t.id),
    index('member_channel_created_idx').on(t.acquisitionChannel, t.createdAt, t.id),
    // The disabled filter: a partial index over the few disabled members.
    index('member_disabled_idx').on(t.disabledAt, t.id).where(sql`${t.disabledAt} is not null`),
  ],
);

export type MemberRow = typeof member.$inferSelect;
export type MemberTier = MemberRow['tier'];
export type ConsentChannel = (typeof consentChannel.enumValues)[number];
export type ConsentSource = (typeof consentSource.enumValues)[number];

/** A member's current consent per channel; absent means never asked (not granted). */
export const memberConsent = members.table(
  'member_consent',
  {
    memberId: uuid('member_id').notNull().references(() => member.id),
    channel: consentChannel('channel').notNull(),
    granted: boolean('granted').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.channel] }),
    // The consent filter: members who granted one channel.
    index('member_consent_granted_idx').on(t.channel, t.memberId).where(sql`${t.granted}`),
  ],
);

/** Every consent change, append-only: when, from where, granted or revoked, and who did it. */
export const memberConsentEvent = members.table(
  'member_consent_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => member.id),
    channel: consentChannel('channel').notNull(),
    granted: boolean('granted').notNull(),
    source: consentSource('source').notNull(),
    // access.staff id when staff changed it; null when the member did (or an import).
    staffId: uuid('staff_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('member_consent_event_member_idx').on(t.memberId, t.createdAt, t.id)],
);

export type MemberConsentRow = typeof memberConsent.$inferSelect;
export type MemberConsentEventRow = typeof memberConsentEvent.$inferSelect;
