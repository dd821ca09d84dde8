// The contact log: every interaction of the staff with a member, with optional follow-ups.
import { sql } from 'drizzle-orm';
import { boolean, date, index, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { member, members } from '../tables.js';

export const contactChannel = members.enum('contact_channel', ['CALL', 'CHAT', 'EMAIL', 'LINE', 'WECHAT', 'VISIT']);

export const contactLogEntry = members.table(
  'contact_log_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => member.id),
    channel: contactChannel('channel').notNull(),
    // access.staff id of who talked to the member: another domain's row, so no foreign key.
    staffId: uuid('staff_id').notNull(),
    summary: text('summary').notNull(),
    // A calendar day in the shop's time zone, not an instant.
    followUpOn: date('follow_up_on', { mode: 'string' }),
    followUpDone: boolean('follow_up_done').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    // A member's log, newest first, a keyset page at a time.
    index('contact_log_member_idx').on(t.memberId, t.createdAt, t.id),
    // The follow-ups-due list reads only open follow-ups, by date.
    index('contact_log_follow_up_idx').on(t.followUpOn, t.id).where(sql`${t.followUpOn} is not null and not ${t.followUpDone}`),
  ],
);

export type ContactLogRow = typeof contactLogEntry.$inferSelect;
export type ContactChannel = ContactLogRow['channel'];
