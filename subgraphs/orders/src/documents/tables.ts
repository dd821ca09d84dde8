// A requested print: which document for which orders, by whom; the signed download link names it.
import { text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { orders } from '../tables.js';

export const documentPrint = orders.table('document_print', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'LABEL' | 'PACKING_SLIP' | 'TAX_INVOICE'>().notNull(),
  locale: text('locale').notNull(),
  /** In the order asked for: the PDF's pages follow it. */
  orderIds: uuid('order_ids').array().notNull(),
  /** Who asked (staff or API key id): only they may download it. */
  requestedByKind: text('requested_by_kind').$type<'staff' | 'partner'>().notNull(),
  requestedById: text('requested_by_id').notNull(),
  ...timestamps,
});

export type DocumentPrintRow = typeof documentPrint.$inferSelect;
