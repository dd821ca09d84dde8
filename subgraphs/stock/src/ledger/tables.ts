// The stock ledger: the movement table (drizzle.config.ts lists this file).
import { index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { stock, warehouse } from '../tables.js';

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
  (t) => [
    index('movement_variant_idx').on(t.variantId, t.warehouseId, t.createdAt),
    // Stock cover sums recent shipments of every variant: a range scan of one kind.
    index('movement_kind_created_idx').on(t.kind, t.createdAt),
  ],
);

export type MovementRow = typeof movement.$inferSelect;
