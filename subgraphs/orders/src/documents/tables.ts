// A requested print, and the Thai tax invoice series: which number each order's invoice was issued under.
import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { order, orders } from '../tables.js';

export const documentPrint = orders.table('document_print', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'LABEL' | 'PACKING_SLIP' | 'TAX_INVOICE'>().notNull(),
  locale: text('locale').notNull(),
  /** In the order asked for: the PDF's pages follow it. */
  orderIds: uuid('order_ids').array().notNull(),
  /** Orders whose tax invoice this print issued (the originals); every other invoice in it prints as a copy. */
  issuedOrderIds: uuid('issued_order_ids').array().notNull().default([]),
  /** Who asked (staff or API key id): only they may download it. */
  requestedByKind: text('requested_by_kind').$type<'staff' | 'partner'>().notNull(),
  requestedById: text('requested_by_id').notNull(),
  ...timestamps,
});

export type DocumentPrintRow = typeof documentPrint.$inferSelect;

/**
 * One gapless series of tax invoice numbers per year of the shop's calendar. Its row is locked by every issue
 * of the year, so numbers are handed out one transaction at a time and a rolled-back issue gives its numbers back.
 */
export const taxInvoiceSeries = orders.table('tax_invoice_series', {
  year: integer('year').primaryKey(),
  /** The last number issued this year (0: none yet). */
  lastNumber: integer('last_number').notNull().default(0),
  ...timestamps,
});

/** An order's tax invoice: issued once, the first time it is printed; every reprint shows this number. */
export const taxInvoice = orders.table('tax_invoice', {
  orderId: uuid('order_id')
    .primaryKey()
    .references(() => order.id),
  /** INV<year>-<six digits>, e.g. INV2026-000001. */
  number: text('number').notNull().unique(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});

export type TaxInvoiceRow = typeof taxInvoice.$inferSelect;
