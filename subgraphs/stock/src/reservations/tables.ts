// Stock reservations: holds under a reference and their lines (drizzle.config.ts lists this file).
import { index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { stock, warehouse } from '../tables.js';

export const reservationStatus = stock.enum('reservation_status', ['ACTIVE', 'RELEASED', 'COMMITTED']);

/** A hold on stock under one reference (an order number, or a manual hold); lines say where. */
export const reservation = stock.table('reservation', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Unique: a second reserve under the same reference is refused, never merged.
  reference: text('reference').notNull().unique(),
  status: reservationStatus('status').notNull().default('ACTIVE'),
  /** When an ACTIVE hold is released by the expiry job; null holds until released or committed. */
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date', precision: 3 }),
  ...timestamps,
});

export const reservationLine = stock.table(
  'reservation_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reservationId: uuid('reservation_id')
      .notNull()
      .references(() => reservation.id),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('reservation_line_reservation_idx').on(t.reservationId)],
);

export type ReservationRow = typeof reservation.$inferSelect;
