// Table of password resets: one row per accepted request, its one-time token kept only as a hash.
import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { member, members } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * A password reset a member asked for. The request writes the row without a
 * token; the job that e-mails it mints the token and keeps its sha256 here (as
 * sessions are kept), so the raw token exists only in the e-mail — never in the
 * jobs table nor this one. Used once: `used_at` is set by the reset or by a newer reset.
 */
export const passwordReset = members.table(
  'password_reset',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    tokenHash: text('token_hash').unique(),
    expiresAt: at('expires_at'),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  // The per-member hourly limit counts a member's recent requests.
  (t) => [index('password_reset_member_idx').on(t.memberId, t.createdAt)],
);
