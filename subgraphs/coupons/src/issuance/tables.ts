// Tables of issuance: batches of bulk-generated codes and pushes of a coupon to a member segment, run as jobs.
import { sql } from 'drizzle-orm';
import { check, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coupon, coupons } from '../tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const BATCH_KINDS = ['CODES', 'SEGMENT'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export const BATCH_STATUSES = ['PENDING', 'RUNNING', 'DONE', 'FAILED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * One issuance job: `requested` codes to generate (CODES) or one code per
 * member of a segment (SEGMENT). `done` grows as the job commits chunks, so the
 * console shows progress; a job that runs again continues where it stopped.
 */
export const couponBatch = coupons.table(
  'coupon_batch',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    couponId: uuid('coupon_id').notNull().references(() => coupon.id),
    kind: text('kind').$type<BatchKind>().notNull(),
    status: text('status').$type<BatchStatus>().notNull().default('PENDING'),
    /** CODES: how many codes; SEGMENT: the segment's size when the push started (for progress). */
    requested: integer('requested').notNull(),
    done: integer('done').notNull().default(0),
    /** SEGMENT: members passed over (their per-member limit reached, or the quantity ran out). */
    skipped: integer('skipped').notNull().default(0),
    segmentId: uuid('segment_id'),
    /** CODES: what every code starts with (0 to 8 letters or digits). */
    prefix: text('prefix').notNull().default(''),
    /** SEGMENT: the last member id handed a code, where a rerun continues. */
    cursor: uuid('cursor'),
    /** Why a FAILED batch stopped, as a code (QUANTITY_EXHAUSTED, COUPON_ARCHIVED). */
    failureCode: text('failure_code'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('coupon_batch_coupon_idx').on(t.couponId, t.createdAt),
    check('coupon_batch_kind', sql`${t.kind} in ('CODES', 'SEGMENT')`),
    check('coupon_batch_status', sql`${t.status} in ('PENDING', 'RUNNING', 'DONE', 'FAILED')`),
    check('coupon_batch_counts', sql`${t.requested} >= 0 and ${t.done} >= 0 and ${t.skipped} >= 0`),
  ],
);

export type CouponBatchRow = typeof couponBatch.$inferSelect;
