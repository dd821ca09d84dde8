// Tables of the reports schema.
import { bigint, char, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const reports = pgSchema('reports');

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/**
 * One row per order, copied from the orders domain by the reports.recordOrder
 * task (reports never reads the orders tables). order_id is the orders domain's
 * id, hence no foreign key.
 */
export const orderFact = reports.table(
  'order_fact',
  {
    orderId: uuid('order_id').primaryKey(),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
    // Plain text: the orders domain owns these vocabularies and may grow them.
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    ...timestamps,
  },
  (t) => [index('order_fact_placed_idx').on(t.placedAt)],
);

export type OrderFactRow = typeof orderFact.$inferSelect;
export type OrderFactInsert = typeof orderFact.$inferInsert;
