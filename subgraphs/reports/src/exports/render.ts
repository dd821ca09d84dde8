// A report table as a CSV or XLSX file: csv-stringify and exceljs's streaming writer, as the orders export does.
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What a report run gives a file: column names and rows of text (money as decimals, days as YYYY-MM-DD). */
export interface ReportTable {
  columns: string[];
  rows: string[][];
}

/**
 * Writes the table to `out` and ends it. CSV is UTF-8 with a BOM so spreadsheet apps read Thai, Chinese and Arabic
 * right; XLSX rows are committed as they are added (no shared strings), so memory stays flat.
 */
export async function writeReportFile(table: ReportTable, format: ExportFormat, out: Writable): Promise<void> {
  if (format === 'CSV') {
    const csv = stringify({ header: true, columns: table.columns, bom: true });
    const finished = once(csv.pipe(out), 'finish');
    for (const row of table.rows) if (!csv.write(row)) await once(csv, 'drain');
    csv.end();
    await finished;
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Report');
  sheet.addRow(table.columns).commit();
  for (const row of table.rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** The file's bytes, for an e-mail attachment or a webhook body. */
export async function reportFileBytes(table: ReportTable, format: ExportFormat): Promise<Buffer> {
  const sink = new PassThrough();
  const bytes = buffer(sink);
  await writeReportFile(table, format, sink);
  return bytes;
}
