// Low-stock alerts: the alert table (drizzle.config.ts lists this file).
import { sql } from 'drizzle-orm';
import { index, integer, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stock, warehouse } from '../tables.js';

export const alertStatus = stock.enum('alert_status', ['OPEN', 'RESOLVED']);

/** Low stock at one level: raised once when available falls to the reorder point, resolved when it recovers. */
export const alert = stock.table(
  'alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    status: alertStatus('status').notNull().default('OPEN'),
    /** Available and reorder point when the alert was raised. */
    available: integer('available').notNull(),
    reorderPoint: integer('reorder_point').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [
    // At most one OPEN alert per level however many sales cross the line.
    uniqueIndex('alert_open_unique').on(t.variantId, t.warehouseId).where(sql`${t.status} = 'OPEN'`),
    index('alert_raised_idx').on(t.raisedAt, t.id),
  ],
);

export type AlertRow = typeof alert.$inferSelect;
