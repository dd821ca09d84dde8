// Tables of storefront accounts: customer sessions and sign-in attempts.
import { boolean, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { member, members } from '../tables.js';

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
