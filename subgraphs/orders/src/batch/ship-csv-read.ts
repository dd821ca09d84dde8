// Reading a "mark shipped" CSV: its header, its rows, and what makes the whole file unusable.
import { CsvError, parse } from 'csv-parse/sync';
import { ok, type Result } from '@shop/kit';
import { batchFail } from '../errors/index.js';

/** Larger files are refused before reading: 500 KB hold far more than MAX_SHIP_ROWS rows, and the request stays under the gateway's 1 MB body limit. */
export const MAX_CSV_BYTES = 500_000;
export const MAX_SHIP_ROWS = 5_000;
export const SHIP_COLUMNS = ['order_number', 'carrier', 'tracking_number'] as const;

/** One data row; `row` is its line in the file (the header is line 1). */
export interface ShipCsvRow {
  row: number;
  orderNumber: string;
  carrier: string;
  trackingNumber: string;
}

export type ShipCsvErrorCode = 'CSV_TOO_LARGE' | 'CSV_INVALID' | 'CSV_EMPTY' | 'CSV_MISSING_COLUMNS' | 'CSV_TOO_MANY_ROWS';

const FIELD = ['input', 'csv'];

/** "Order number", "order-number" and "ORDER_NUMBER" name one column. */
const columnName = (cell: string) => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Parses the CSV (UTF-8 with or without BOM, quoted cells, CRLF or LF; blank
 * lines skipped; extra columns ignored). Refuses the whole file when it is too
 * big, not CSV, empty, lacks a column or has too many rows: then nothing starts.
 */
export function readShipCsv(csv: string): Result<ShipCsvRow[], ShipCsvErrorCode> {
  if (Buffer.byteLength(csv, 'utf8') > MAX_CSV_BYTES) {
    return batchFail('CSV_TOO_LARGE', FIELD, { max: MAX_CSV_BYTES });
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return batchFail('CSV_INVALID', FIELD, { line: String(error.lines ?? '?') });
  }
  const [header, ...data] = records;
  if (!header || !data.length) return batchFail('CSV_EMPTY', FIELD);
  const names = header.record.map(columnName);
  const missing = SHIP_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    return batchFail('CSV_MISSING_COLUMNS', FIELD, { columns: SHIP_COLUMNS.join(', '), missing: missing.join(', ') });
  }
  if (data.length > MAX_SHIP_ROWS) return batchFail('CSV_TOO_MANY_ROWS', FIELD, { max: MAX_SHIP_ROWS });
  const at = Object.fromEntries(SHIP_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof SHIP_COLUMNS)[number], number>;
  return ok(
    data.map(({ record: cells, info }) => ({
      row: info.lines,
      orderNumber: (cells[at.order_number] ?? '').trim().toUpperCase(),
      carrier: (cells[at.carrier] ?? '').trim().toUpperCase(),
      trackingNumber: (cells[at.tracking_number] ?? '').trim(),
    })),
  );
}
