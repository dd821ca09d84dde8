// Privacy requests: a member's data export or erasure, and the part each domain reports back.
import { sql } from 'drizzle-orm';
import { index, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { member, members } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const privacyRequestKind = members.enum('privacy_request_kind', ['EXPORT', 'ERASE']);
export const privacyRequestStatus = members.enum('privacy_request_status', ['PENDING', 'DONE', 'EXPIRED']);

/**
 * One export or erasure of a member's data across every domain. It holds ids
 * only, never the data itself: an erased member's request stays as proof that
 * the erasure ran, without keeping what it erased.
 */
export const privacyRequest = members.table(
  'privacy_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => member.id),
    kind: privacyRequestKind('kind').notNull(),
    status: privacyRequestStatus('status').notNull().default('PENDING'),
    // Why an erasure was asked for (a ticket number, "customer request"); staff text, internal.
    reason: text('reason'),
    // access.staff id of who asked: another domain's row, so no foreign key.
    requestedBy: uuid('requested_by'),
    completedAt: at('completed_at'),
    // An export's file is kept until then (EXPORT_RETENTION_DAYS after completion), then purged.
    expiresAt: at('expires_at'),
    ...timestamps,
  },
  (t) => [index('privacy_request_member_idx').on(t.memberId, t.createdAt, t.id)],
);

/**
 * Each domain's part of a request, created with the request and marked done
 * by that domain's task. An export part carries the domain's data until the
 * export expires or the member is erased.
 */
export const privacyRequestPart = members.table(
  'privacy_request_part',
  {
    requestId: uuid('request_id').notNull().references(() => privacyRequest.id),
    domain: text('domain').notNull(),
    data: jsonb('data'),
    doneAt: at('done_at'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.domain] }),
    // Parts still holding export data, for the erasure's purge of earlier exports.
    index('privacy_request_part_data_idx').on(t.requestId).where(sql`${t.data} is not null`),
  ],
);

export type PrivacyRequestRow = typeof privacyRequest.$inferSelect;
export type PrivacyRequestKind = PrivacyRequestRow['kind'];
