// Saved report definitions, shared with roles.
import { index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reports } from '../tables.js';
import type { SavedReportDefinition } from './definition.js';

export const savedReport = reports.table(
  'saved_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Metrics, dimensions, filters and a preset or fixed range: the builder's whitelisted vocabulary, never SQL. */
    definition: jsonb('definition').$type<SavedReportDefinition>().notNull(),
    /** Role names (access's built-in and custom roles); staff holding one of them see the report. */
    sharedWithRoles: text('shared_with_roles').array().notNull().default([]),
    /** The staff id of the author (access's id, hence no foreign key); staff identity class. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('saved_report_created_by_idx').on(t.createdBy)],
);

export type SavedReportRow = typeof savedReport.$inferSelect;
