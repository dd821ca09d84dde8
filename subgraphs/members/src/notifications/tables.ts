// Tables of notifications: one row per message sent to a member (keyed by its idempotency key).
import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { member, members } from '../tables.js';

/**
 * Each message sent, under the key its sender chose (e.g. `birthday:<memberId>:2026`):
 * the unique key is what makes a retried or repeated job send once. It holds the
 * template code only, never the address or the text (which may carry a token).
 */
export const notification = members.table(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    template: text('template').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('notification_member_idx').on(t.memberId, t.createdAt)],
);
