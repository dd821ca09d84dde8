// Purchasing: tables of suppliers and purchase orders (drizzle.config.ts lists this file).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { stock, warehouse } from '../tables.js';

/** Who we buy from; costs are in the supplier's currency. */
export const supplier = stock.table(
  'supplier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    leadTimeDays: integer('lead_time_days').notNull(),
    currencyCode: text('currency_code').notNull(),
    ...timestamps,
  },
  (t) => [check('supplier_lead_time_nonnegative', sql`${t.leadTimeDays} >= 0`)],
);

/** A variant a supplier sells us, at a unit cost in minor units of the supplier's currency. */
export const supplierProduct = stock.table(
  'supplier_product',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => supplier.id),
    // products.variant id: another domain's row, so no foreign key.
    variantId: uuid('variant_id').notNull(),
    costMinor: bigint('cost_minor', { mode: 'bigint' }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique('supplier_product_supplier_variant_unique').on(t.supplierId, t.variantId),
    // Replenishment looks up the suppliers of each variant.
    index('supplier_product_variant_idx').on(t.variantId),
    check('supplier_product_cost_nonnegative', sql`${t.costMinor} >= 0`),
  ],
);

export const purchaseOrderStatus = stock.enum('purchase_order_status', [
  'DRAFT',
  'ORDERED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CLOSED',
  'CANCELLED',
]);
export type PurchaseOrderStatus = (typeof purchaseOrderStatus.enumValues)[number];

/** Numbers PO-000001, PO-000002, …: a sequence, so concurrent drafts never share one. */
export const purchaseOrderNumberSeq = stock.sequence('purchase_order_number_seq');

export const purchaseOrder = stock.table(
  'purchase_order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => supplier.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    status: purchaseOrderStatus('status').notNull().default('DRAFT'),
    // Copied from the supplier when drafted: a later change of the supplier's currency must not reprice old orders.
    currencyCode: text('currency_code').notNull(),
    ...timestamps,
  },
  (t) => [index('purchase_order_created_idx').on(t.createdAt, t.id), index('purchase_order_status_idx').on(t.status)],
);

export const purchaseOrderLine = stock.table(
  'purchase_order_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purchaseOrderId: uuid('purchase_order_id')
      .notNull()
      .references(() => purchaseOrder.id),
    variantId: uuid('variant_id').notNull(),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
    unitCostMinor: bigint('unit_cost_minor', { mode: 'bigint' }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique('purchase_order_line_variant_unique').on(t.purchaseOrderId, t.variantId),
    index('purchase_order_line_variant_idx').on(t.variantId),
    check('purchase_order_line_ordered_positive', sql`${t.quantityOrdered} > 0`),
    check(
      'purchase_order_line_received_within_ordered',
      sql`${t.quantityReceived} >= 0 and ${t.quantityReceived} <= ${t.quantityOrdered}`,
    ),
    check('purchase_order_line_cost_nonnegative', sql`${t.unitCostMinor} >= 0`),
  ],
);

/**
 * One delivery of one purchase order line: how many units arrived, when, and the supplier's lot (batch) code when
 * the receiver recorded one. Lots let after-sales trace defect returns back to a delivery (quality alerts per lot).
 */
export const purchaseOrderReceipt = stock.table(
  'purchase_order_receipt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purchaseOrderLineId: uuid('purchase_order_line_id')
      .notNull()
      .references(() => purchaseOrderLine.id),
    // Copied from the line and the order so lotCodeFor reads one table.
    variantId: uuid('variant_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouse.id),
    quantity: integer('quantity').notNull(),
    lotCode: text('lot_code'),
    ...timestamps,
  },
  (t) => [
    index('purchase_order_receipt_line_idx').on(t.purchaseOrderLineId, t.createdAt),
    // lotCodeFor walks a variant's receipts at one warehouse, newest first.
    index('purchase_order_receipt_variant_idx').on(t.variantId, t.warehouseId, t.createdAt),
    check('purchase_order_receipt_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export type SupplierRow = typeof supplier.$inferSelect;
export type SupplierProductRow = typeof supplierProduct.$inferSelect;
export type PurchaseOrderRow = typeof purchaseOrder.$inferSelect;
export type PurchaseOrderLineRow = typeof purchaseOrderLine.$inferSelect;
export type PurchaseOrderReceiptRow = typeof purchaseOrderReceipt.$inferSelect;
