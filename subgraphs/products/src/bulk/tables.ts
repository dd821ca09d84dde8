import { index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { products } from '../tables.js';

export const jobStatus = products.enum('job_status', ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);
export const importMode = products.enum('import_mode', ['ALL_OR_NOTHING', 'SKIP_INVALID_ROWS']);

/** A CSV received by the gateway's POST /imports/products; the bytes live in IMPORT_DIR/<id>.csv. */
export const importUpload = products.table('import_upload', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  byteSize: integer('byte_size').notNull(),
  sha256: text('sha256').notNull(),
  /** Staff id or API key id of whoever uploaded it. */
  uploadedBy: text('uploaded_by'),
  ...timestamps,
});

/** One background import of one upload, with its counters (the worker updates them per batch). */
export const importJob = products.table(
  'import_job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => importUpload.id),
    mode: importMode('mode').notNull(),
    status: jobStatus('status').notNull().default('QUEUED'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    invalid: integer('invalid').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    message: text('message'),
    startedBy: text('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date', precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date', precision: 3 }),
    ...timestamps,
  },
  (t) => [index('import_job_upload_idx').on(t.uploadId)],
);

/** The issues of one job, in file order (`seq` keeps several issues of one row apart). */
export const importIssue = products.table(
  'import_issue',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJob.id),
    seq: integer('seq').notNull(),
    row: integer('row').notNull(),
    column: text('column'),
    code: text('code').notNull(),
    message: text('message').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

export type ImportJobRow = typeof importJob.$inferSelect;
