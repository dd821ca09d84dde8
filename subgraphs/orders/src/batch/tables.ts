import { boolean, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { orders } from '../tables.js';

export const batchKind = orders.enum('batch_kind', ['SHIP_FROM_CSV', 'BOOK', 'TAG', 'EXPORT', 'PRINT']);
export const batchStatus = orders.enum('batch_status', ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);

/**
 * One batch run over many orders (a graphile-worker job): what it does, its
 * counters (the worker updates them as it goes) and, for an export or a print, its file.
 * `input` holds what the run needs without its caller: the CSV's rows, the
 * selection, the tags, the caller's filter rights, the print's id.
 */
export const batchRun = orders.table(
  'batch_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: batchKind('kind').notNull(),
    status: batchStatus('status').notNull().default('QUEUED'),
    /** Checks every row and changes nothing. */
    dryRun: boolean('dry_run').notNull().default(false),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    /** An export's file format ('CSV' | 'XLSX'), its bytes in EXPORT_DIR/<id>.<ext> once SUCCEEDED. */
    resultFormat: text('result_format'),
    /** Whether the file holds contact data: then downloading it needs members:read_pii too. */
    resultHasContact: boolean('result_has_contact').notNull().default(false),
    /** Why the run failed as a whole (a fault); row problems are in batch_run_row. */
    message: text('message'),
    /** Staff id or API key id of whoever started it. */
    startedBy: text('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date', precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date', precision: 3 }),
    ...timestamps,
  },
  (t) => [index('batch_run_created_idx').on(t.createdAt, t.id)],
);

/** The report of a run: one row per order or CSV row that was refused, with a code and its params (no text: readers render it). */
export const batchRunRow = orders.table(
  'batch_run_row',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => batchRun.id),
    seq: integer('seq').notNull(),
    /** CSV row number as a spreadsheet shows it (header = 1); null for a selection. */
    row: integer('row'),
    orderNumber: text('order_number'),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

export type BatchRunRow = typeof batchRun.$inferSelect;
export type BatchKind = BatchRunRow['kind'];
export type BatchReportRow = typeof batchRunRow.$inferSelect;
export type BatchIssue = Omit<typeof batchRunRow.$inferInsert, 'runId' | 'seq'>;
