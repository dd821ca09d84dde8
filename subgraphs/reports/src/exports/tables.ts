// Report exports: a file the worker writes under EXPORT_DIR for the one who asked.
import { doublePrecision, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ReportMetric } from '../catalog/index.js';
import type { SavedReportDefinition } from '../saved-reports/definition.js';
import { reports } from '../tables.js';

/** What an export runs: a definition over a fixed range, with the ad-hoc query's sorting and row cap. */
export type ExportQuery = SavedReportDefinition & { sortBy?: ReportMetric | null; reverse?: boolean | null; first?: number | null };

export const reportExport = reports.table(
  'report_export',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'staff:<id>' or 'key:<id>': only the requester sees the job and its link. */
    requestedBy: text('requested_by').notNull(),
    /** The requester's scopes at the time: the worker runs the report with them. */
    runScopes: text('run_scopes').array().notNull(),
    /** The query with its range resolved to shop days when the export was asked for. */
    query: jsonb('query').$type<ExportQuery>().notNull(),
    /** CSV | XLSX. */
    format: text('format').notNull(),
    /** QUEUED | RUNNING | DONE | FAILED. */
    status: text('status').notNull().default('QUEUED'),
    progress: doublePrecision('progress').notNull().default(0),
    rowCount: integer('row_count'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('report_export_requested_by_idx').on(t.requestedBy, t.createdAt)],
);

export type ReportExportRow = typeof reportExport.$inferSelect;
