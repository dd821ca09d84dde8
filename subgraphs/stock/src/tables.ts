// Tables of the stock schema.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const stock = pgSchema('stock');

/** Why a movement happened; the movement's deltas say what it changed. */
export const movementKind = stock.enum('movement_kind', [
  'RECEIPT',
  'ADJUSTMENT',
  'RESERVATION',
  'RELEASE',
  'SHIPMENT',
  'RETURN',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'WRITE_OFF',
  'STOCKTAKE',
]);

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
    /** Units to keep in hand beyond expected demand (replenishment adds it to suggestions). */
    safetyStock: integer('safety_stock').notNull().default(0),
    /** A low-stock alert opens when available falls to or below this. */
    reorderPoint: integer('reorder_point').notNull().default(0),
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
    /** Signed change to the level's on_hand: the level's on_hand is the sum of these. */
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    /** Signed change to the level's reserved: the level's reserved is the sum of these. */
    reservedDelta: integer('reserved_delta').notNull().default(0),
    /** What caused it, e.g. an order number or a purchase receipt. */
    reference: text('reference'),
    /** Why, for adjustments: DAMAGED, LOST, FOUND, ... */
    reasonCode: text('reason_code'),
    /** The staff member or API key that made the change; null for the system. */
    actorId: text('actor_id'),
    ...timestamps,
  },
  (t) => [index('movement_variant_idx').on(t.variantId, t.warehouseId, t.createdAt)],
);

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

export const transferStatus = stock.enum('transfer_status', ['DRAFT', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED']);

/** Stock moving between two warehouses: out of the source when shipped, into the destination when received. */
export const transfer = stock.table(
  'transfer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    fromWarehouseId: uuid('from_warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    toWarehouseId: uuid('to_warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    status: transferStatus('status').notNull().default('DRAFT'),
    ...timestamps,
  },
  (t) => [index('transfer_created_idx').on(t.createdAt, t.id)],
);

export const transferLine = stock.table(
  'transfer_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfer.id),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('transfer_line_transfer_idx').on(t.transferId)],
);

export type WarehouseRow = typeof warehouse.$inferSelect;
export type LevelRow = typeof level.$inferSelect;
export type MovementRow = typeof movement.$inferSelect;
export type AlertRow = typeof alert.$inferSelect;
export type TransferRow = typeof transfer.$inferSelect;
export type ReservationRow = typeof reservation.$inferSelect;
