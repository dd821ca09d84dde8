// Tables of notifications: one row per message sent to a member (keyed by its idempotency key), and members' ids on
// messaging apps.
import { sql } from 'drizzle-orm';
import { check, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consentChannel, member, members } from '../tables.js';

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

/**
 * A member's id on a messaging app the shop's official account talks to (a LINE user id, a WeChat openid), bound when
 * the member follows the account from their profile. Contact data: read only to send, never logged or exported.
 */
export const memberMessagingId = members.table(
  'member_messaging_id',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    channel: consentChannel('channel').notNull(),
    externalId: text('external_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.channel] }),
    check('member_messaging_id_app_channel', sql`${t.channel} in ('LINE', 'WECHAT')`),
  ],
);
