import { boolean, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const access = pgSchema('access');

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** People who operate the shop. Passwords, sessions and roles arrive with the permission model. */
export const staff = access.table('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  // BCP 47 tag for the console's language, e.g. 'th' or 'zh-TW'.
  locale: text('locale').notNull().default('en'),
  // Disabled rather than deleted: the audit log keeps naming the person.
  disabled: boolean('disabled').notNull().default(false),
  ...timestamps,
});

export type StaffRow = typeof staff.$inferSelect;
