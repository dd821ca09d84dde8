// Per-request batch loaders of documents: orders' tax invoices.
import { rowLoader, type Db } from '@shop/kit';
import { taxInvoicesByOrderIds } from './invoice-numbers.js';

export function createDocumentLoaders(db: Db) {
  return {
    taxInvoiceByOrderId: rowLoader((ids: readonly string[]) => taxInvoicesByOrderIds(db, ids), (row) => row.orderId),
  };
}
