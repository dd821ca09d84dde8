// Orders and their lines as CSV or XLSX, streamed from keyset pages: memory stays flat whatever the size.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { formatMinor, type Db } from '@shop/kit';
import { shopTimeZone } from '@shop/kit/shop-time';
import { addressOf } from '../addresses/index.js';
import { linesByOrderIds, type FilterAccess } from '../service.js';
import type { OrderLineRow, OrderRow } from '../tables.js';
import { selectedOrders, type BatchSelection } from './selection.js';

export type ExportFormat = 'CSV' | 'XLSX';

/**
 * One row per order line (an order without lines is one row with blank line
 * columns). Contact columns (name, phone, email, street lines) are blank
 * unless the caller may read contact data, as the API leaves them null; costs
 * are never exported.
 */
export const EXPORT_COLUMNS = [
  'order_number', 'created_at', 'status', 'channel', 'currency', 'subtotal', 'shipping', 'discount', 'tax', 'total',
  'tags', 'carrier', 'tracking_number', 'recipient_name', 'recipient_phone', 'email', 'address_line1',
  'address_line2', 'city', 'region', 'postal_code', 'country', 'line_sku', 'line_title', 'line_quantity',
  'line_unit_price', 'line_total',
] as const;

type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], string>;

/** "2026-12-07 12:30:05" in the shop's time zone, which a spreadsheet reads as a date and time. One formatter per export: making one costs more than formatting a row. */
const shopDateTimeFormat = () => new Intl.DateTimeFormat('sv-SE', { timeZone: shopTimeZone(), dateStyle: 'short', timeStyle: 'medium' });

function records(row: OrderRow, lines: readonly OrderLineRow[], withContact: boolean, dates: Intl.DateTimeFormat): ExportRecord[] {
  const currency = row.currencyCode.trim();
  const amount = (minor: bigint) => formatMinor(minor, currency);
  const address = addressOf(row, { withContact });
  const head = {
    order_number: row.number,
    created_at: dates.format(row.createdAt),
    status: row.status,
    channel: row.channel,
    currency,
    subtotal: amount(row.subtotalMinor),
    shipping: amount(row.shippingMinor),
    discount: amount(row.discountMinor),
    tax: amount(row.taxMinor),
    total: amount(row.totalMinor),
    tags: row.tags.join(', '),
    carrier: row.carrier ?? '',
    tracking_number: row.trackingNumber ?? '',
    recipient_name: address?.name ?? '',
    recipient_phone: address?.phone ?? '',
    email: address?.email ?? '',
    address_line1: address?.line1 ?? '',
    address_line2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postal_code: address?.postalCode ?? '',
    country: address?.country ?? '',
  };
  const blank = { line_sku: '', line_title: '', line_quantity: '', line_unit_price: '', line_total: '' };
  if (!lines.length) return [{ ...head, ...blank }];
  return lines.map((line) => ({
    ...head,
    line_sku: line.sku,
    line_title: line.title,
    line_quantity: String(line.quantity),
    line_unit_price: amount(line.unitPriceMinor),
    line_total: amount(line.unitPriceMinor * BigInt(line.quantity)),
  }));
}

export interface ExportRequest {
  selection: BatchSelection;
  access: FilterAccess;
  withContact: boolean;
  format: ExportFormat;
}

/** Each page of selected orders as export records, with how many orders it held. */
async function* exportPages(db: Db, request: ExportRequest): AsyncGenerator<{ orders: number; rows: ExportRecord[] }> {
  const dates = shopDateTimeFormat();
  for await (const page of selectedOrders(db, request.selection, request.access)) {
    const lines = await linesByOrderIds(db, page.map((o) => o.id));
    const byOrder = new Map<string, OrderLineRow[]>();
    for (const line of lines) {
      const own = byOrder.get(line.orderId);
      if (own) own.push(line);
      else byOrder.set(line.orderId, [line]);
    }
    yield { orders: page.length, rows: page.flatMap((o) => records(o, byOrder.get(o.id) ?? [], request.withContact, dates)) };
  }
}

/**
 * Writes the export to `out` (a file in the run, a sink in the bench) and
 * ends it. CSV is UTF-8 with a BOM so spreadsheet apps read Thai, Chinese and
 * Arabic right; XLSX goes through exceljs's streaming writer (rows committed
 * as they come, no shared strings). `progress` gets the orders written so far.
 * Answers the number of rows written.
 */
export async function writeOrderExport(
  db: Db,
  request: ExportRequest,
  out: Writable,
  progress: (orders: number) => Promise<void> = async () => {},
): Promise<number> {
  let rows = 0;
  let orders = 0;
  if (request.format === 'CSV') {
    const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true });
    const piped = csv.pipe(out);
    const finished = once(piped, 'finish');
    for await (const page of exportPages(db, request)) {
      for (const record of page.rows) if (!csv.write(record)) await once(csv, 'drain');
      rows += page.rows.length;
      orders += page.orders;
      await progress(orders);
    }
    csv.end();
    await finished;
    return rows;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Orders');
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key }));
  for await (const page of exportPages(db, request)) {
    for (const record of page.rows) sheet.addRow(record).commit();
    rows += page.rows.length;
    orders += page.orders;
    await progress(orders);
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
