// Tables of the members schema: members, customer sessions and login attempts.
import { sql } from 'drizzle-orm';
import { boolean, index, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const members = pgSchema('members');

export const memberTier = members.enum('member_tier', ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM']);

// Millisecond precision: keyset cursors carry JS Dates, and a microsecond
// created_at would compare greater than its own cursor and repeat rows across pages.
export const member = members.table(
  'member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull().unique(),
    phone: text('phone'),
    tier: memberTier('tier').notNull().default('BRONZE'),
    // Argon2id PHC string. Null for members imported without a storefront account: they cannot sign in.
    passwordHash: text('password_hash'),
    // Soft archive: orders keep referencing an archived member.
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('member_created_idx').on(t.createdAt, t.id),
    index('member_display_name_idx').on(t.displayName, t.id),
    // Sign-in and sign-up ignore case: one account per address however it is typed.
    uniqueIndex('member_email_lower_idx').on(sql`lower(${t.email})`),
  ],
);

export type MemberRow = typeof member.$inferSelect;
export type MemberTier = MemberRow['tier'];

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * A storefront sign-in. The token is `cst_` and 32 random bytes; only its sha256
 * is kept (a slow hash guards guessable passwords, not 256-bit random tokens).
 */
export const customerSession = members.table(
  'customer_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    ...timestamps,
  },
  (t) => [index('customer_session_member_idx').on(t.memberId)],
);

/**
 * Every customer password check, for the throttle windows. The email is
 * lower-cased and need not belong to a member.
 */
export const customerLoginAttempt = members.table(
  'customer_login_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    // Null when the gateway could not tell (then only the per-email window applies).
    clientAddress: text('client_address'),
    succeeded: boolean('succeeded').notNull(),
    ...timestamps,
  },
  (t) => [
    index('customer_login_attempt_email_idx').on(t.email, t.createdAt),
    index('customer_login_attempt_address_idx').on(t.clientAddress, t.createdAt),
  ],
);
