// Tables of segments: rule-based groups of members and their materialised membership.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { member, members } from '../tables.js';
import type { SegmentRules } from './rules.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * A segment: its rules (JSON checked by `segmentRules` in rules.ts on every
 * write and read) and the size its last refresh found.
 */
export const segment = members.table(
  'segment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    rules: jsonb('rules').$type<SegmentRules>().notNull(),
    /** Members in segment_member after the last refresh; 0 before the first. */
    size: integer('size').notNull().default(0),
    /** When the membership was last computed; null until the first refresh ran. */
    refreshedAt: at('refreshed_at'),
    /** Archived segments keep their rows for history but are no longer refreshed or listed by default. */
    archivedAt: at('archived_at'),
    ...timestamps,
  },
  (t) => [
    // Jobs find a segment by name ("win-back"), so an active name is unique whatever its case.
    uniqueIndex('segment_name_active_idx').on(sql`lower(${t.name})`).where(sql`${t.archivedAt} is null`),
    index('segment_created_idx').on(t.createdAt, t.id),
    index('segment_name_idx').on(t.name, t.id),
  ],
);

/** Who is in a segment as of its last refresh; rewritten by a diff, never truncated. */
export const segmentMember = members.table(
  'segment_member',
  {
    segmentId: uuid('segment_id').notNull().references(() => segment.id),
    memberId: uuid('member_id').notNull().references(() => member.id),
    /** When the member last entered the segment. */
    addedAt: at('added_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.memberId] }),
    // Member.segments and isMemberInSegment look a member up across segments.
    index('segment_member_member_idx').on(t.memberId, t.segmentId),
  ],
);

export type SegmentRow = typeof segment.$inferSelect;
