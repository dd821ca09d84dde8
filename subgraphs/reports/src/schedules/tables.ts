// Scheduled deliveries of saved reports, and one row per delivered period.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { savedReport } from '../saved-reports/tables.js';
import { reports } from '../tables.js';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const reportSchedule = reports.table(
  'report_schedule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    savedReportId: uuid('saved_report_id').notNull().references(() => savedReport.id, { onDelete: 'cascade' }),
    /** DAILY | WEEKLY | MONTHLY (periods.ts). */
    frequency: text('frequency').notNull(),
    /** HH:MM in the shop's time zone. */
    at: text('at').notNull(),
    /** EMAIL | FILE_DROP | WEBHOOK. */
    delivery: text('delivery').notNull(),
    /** A mailbox, a folder name under REPORT_DROP_DIR, or an https URL, per delivery. */
    target: text('target').notNull(),
    /** CSV | XLSX. */
    format: text('format').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The staff id that set the schedule up (access's id); staff identity class. */
    createdBy: text('created_by').notNull(),
    /**
     * The report scopes the creator held (reports:read, marketing:read): a delivery runs the report with these, so a
     * schedule never shows metrics its creator could not read.
     */
    runScopes: text('run_scopes').array().notNull(),
    ...timestamps,
  },
  (t) => [
    index('report_schedule_saved_report_idx').on(t.savedReportId),
    check('report_schedule_at_check', sql`${t.at} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

export const reportDelivery = reports.table(
  'report_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id').notNull().references(() => reportSchedule.id, { onDelete: 'cascade' }),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** QUEUED | DELIVERED | FAILED. */
    status: text('status').notNull().default('QUEUED'),
    rowCount: integer('row_count'),
    /** Why the last attempt failed, as a code (never a message from a library). */
    errorCode: text('error_code'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  // One delivery per schedule and period, whatever the ticks: the idempotency of scheduled delivery.
  (t) => [unique('report_delivery_period_key').on(t.scheduleId, t.periodFrom)],
);

export type ReportScheduleRow = typeof reportSchedule.$inferSelect;
export type ReportDeliveryRow = typeof reportDelivery.$inferSelect;
