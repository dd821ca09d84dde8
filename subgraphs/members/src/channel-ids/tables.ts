// Members' ids on messaging apps the shop's official account talks to.
import { sql } from 'drizzle-orm';
import { check, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consentChannel, member, members } from '../tables.js';

/**
 * A member's id on a messaging app (a LINE user id, a WeChat openid): one per member per app, and one member per
 * id (the unique index). Linked by staff or by the member's own storefront (the mini program passes its openid,
 * LINE login its userId); notifications on that app go to it. Contact data: read only to send, never logged or exported.
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
    uniqueIndex('member_messaging_id_external_idx').on(t.channel, t.externalId),
    check('member_messaging_id_app_channel', sql`${t.channel} in ('LINE', 'WECHAT')`),
  ],
);

export type MemberChannelIdRow = typeof memberMessagingId.$inferSelect;
/** The apps an id may be linked on. */
export type MessagingChannel = 'LINE' | 'WECHAT';
