import { index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const members = pgSchema('members');

export const memberTier = members.enum('member_tier', ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM']);

// Millisecond precision: keyset cursors carry JS Dates, and a microsecond
// created_at would compare greater than its own cursor and repeat rows across pages.
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
};

export const member = members.table(
  'member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull().unique(),
    phone: text('phone'),
    tier: memberTier('tier').notNull().default('BRONZE'),
    points: integer('points').notNull().default(0),
    // Soft archive: orders keep referencing an archived member.
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('member_created_idx').on(t.createdAt, t.id),
    index('member_display_name_idx').on(t.displayName, t.id),
  ],
);

export type MemberRow = typeof member.$inferSelect;
export type MemberTier = MemberRow['tier'];
