import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const stock = pgSchema('stock');

/** Why a movement happened; each kind changes on_hand or reserved (see movement.quantity). */
export const movementKind = stock.enum('movement_kind', [
  'RECEIPT',
  'ADJUSTMENT',
  'RESERVATION',
  'RELEASE',
  'SHIPMENT',
  'RETURN',
]);

const timestamps = {
  // Millisecond precision: keyset cursors carry JS Dates, which have no microseconds.
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
};

export const warehouse = stock.table('warehouse', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  // Lower numbers are picked first when stock is reserved.
  priority: integer('priority').notNull().default(100),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const level = stock.table(
  'level',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // products.variant id: another domain's row, so no foreign key.
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // Also the index the variant loader reads through (variant_id leads).
    unique('level_variant_warehouse_unique').on(t.variantId, t.warehouseId),
    index('level_warehouse_idx').on(t.warehouseId),
    check('level_reserved_nonnegative', sql`${t.reserved} >= 0`),
    check('level_on_hand_covers_reserved', sql`${t.onHand} >= ${t.reserved}`),
  ],
);

/** Append-only ledger: every change to a level is one row here, so levels can be audited. */
export const movement = stock.table(
  'movement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    kind: movementKind('kind').notNull(),
    /** Signed units: positive adds to the balance the kind names, negative takes from it. */
    quantity: integer('quantity').notNull(),
    /** What caused it, e.g. an order number or a purchase receipt. */
    reference: text('reference'),
    ...timestamps,
  },
  (t) => [index('movement_variant_idx').on(t.variantId, t.warehouseId, t.createdAt)],
);

export type WarehouseRow = typeof warehouse.$inferSelect;
export type LevelRow = typeof level.$inferSelect;
export type MovementRow = typeof movement.$inferSelect;
