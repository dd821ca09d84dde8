// The stock schema and its main tables, warehouses and stock levels (each sub-area keeps its own in <noun>/tables.ts).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const stock = pgSchema('stock');

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

export type WarehouseRow = typeof warehouse.$inferSelect;
export type LevelRow = typeof level.$inferSelect;
