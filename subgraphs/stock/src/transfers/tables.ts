// Transfers between warehouses: transfers and their lines (drizzle.config.ts lists this file).
import { index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { stock, warehouse } from '../tables.js';

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

export type TransferRow = typeof transfer.$inferSelect;
