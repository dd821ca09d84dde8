// Thai tax invoice numbers: a gapless series per year of the shop's calendar, one number per order, issued once.
import { eq } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { shopToday } from '@shop/kit/shop-time';
import { taxInvoice, taxInvoiceSeries, type TaxInvoiceRow } from './tables.js';

/** INV2026-000001: the year of issue and the place in its series. */
export const taxInvoiceNumber = (year: number, n: number) => `INV${year}-${String(n).padStart(6, '0')}`;

/**
 * Issues a tax invoice number to each of these orders that has none yet, in the order given, and answers the ids
 * it issued (expects the print's transaction: a rollback gives the numbers back, so the series keeps no gap).
 * The year's series row is locked first, so concurrent issues take turns and an order seen without a number under
 * the lock cannot be given one by anybody else meanwhile.
 */
export async function issueTaxInvoices(tx: Db, orderIds: readonly string[], now: Date = new Date()): Promise<string[]> {
  const year = Number(shopToday(now).slice(0, 4));
  await tx.insert(taxInvoiceSeries).values({ year }).onConflictDoNothing();
  const [series] = await tx.select().from(taxInvoiceSeries).where(eq(taxInvoiceSeries.year, year)).for('update');
  const ids = [...new Set(orderIds)];
  const issued = new Set((await tx.select({ orderId: taxInvoice.orderId }).from(taxInvoice).where(anyId(taxInvoice.orderId, ids))).map((r) => r.orderId));
  const fresh = ids.filter((id) => !issued.has(id));
  if (!fresh.length) return [];
  const first = series!.lastNumber + 1;
  // Batches keep each statement under postgres.js's bind parameter cap whatever the print's size.
  for (let i = 0; i < fresh.length; i += 5_000) {
    await tx.insert(taxInvoice).values(fresh.slice(i, i + 5_000).map((orderId, j) => ({ orderId, number: taxInvoiceNumber(year, first + i + j), issuedAt: now })));
  }
  await tx
    .update(taxInvoiceSeries)
    .set({ lastNumber: series!.lastNumber + fresh.length, updatedAt: now })
    .where(eq(taxInvoiceSeries.year, year));
  return fresh;
}

/** The tax invoices of these orders (those issued). */
export function taxInvoicesByOrderIds(db: Db, orderIds: readonly string[]): Promise<TaxInvoiceRow[]> {
  return db.select().from(taxInvoice).where(anyId(taxInvoice.orderId, orderIds));
}
