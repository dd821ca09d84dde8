import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { COLUMNS, isColumn, MAX_ROWS, type Column } from './columns.js';
import { issue, type Issue } from './issues.js';

/** One data row as text cells keyed by column; `row` is its number as a spreadsheet shows it. */
export interface RawRow {
  row: number;
  cells: Partial<Record<Column, string>>;
}

export interface CsvFile {
  columns: Column[];
  /** Readable rows. */
  rows: RawRow[];
  /** Data rows in the file, ragged ones included. */
  rowCount: number;
  /** Ragged rows, or what makes the whole file unreadable. */
  issues: Issue[];
  /** No row is importable (bad header, broken quoting, too many rows, no rows). */
  fatal: boolean;
}

const unreadable = (rowCount: number, fileIssues: Issue[]): CsvFile => ({ columns: [], rows: [], rowCount, issues: fileIssues, fatal: true });

/**
 * Reads an import file with csv-parse, streaming: UTF-8 with or without BOM,
 * quoted cells with commas and newlines, CRLF or LF. The header names the
 * columns (any order, case-insensitive); blank lines are skipped. A ragged row
 * is reported as MALFORMED_CSV and left out; broken quoting ends the file.
 */
export async function readImportCsv(path: string): Promise<CsvFile> {
  const input = createReadStream(path);
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, encoding: 'utf8' }));
  // pipe() does not forward a read error (a missing file): without this it would crash the process.
  input.on('error', (error) => parser.destroy(error));
  const rows: RawRow[] = [];
  const rowIssues: Issue[] = [];
  let header: string[] | null = null;
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((name) => name.trim().toLowerCase());
        const headerIssues = checkHeader(header);
        if (headerIssues.length) return unreadable(0, headerIssues);
        continue;
      }
      row += 1;
      if (rows.length + rowIssues.length >= MAX_ROWS) {
        return unreadable(row - 1, [issue(row, null, 'TOO_MANY_ROWS', `A file may hold at most ${MAX_ROWS} rows.`)]);
      }
      if (record.length !== header.length) {
        rowIssues.push(issue(row, null, 'MALFORMED_CSV', `The row has ${record.length} cells; the header has ${header.length}.`));
        continue;
      }
      const cells: RawRow['cells'] = {};
      header.forEach((name, i) => (cells[name as Column] = record[i]!.trim()));
      rows.push({ row, cells });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return unreadable(row - 1, [issue(row + 1, null, 'MALFORMED_CSV', `The file is not valid CSV: ${error.message}`)]);
  }
  if (!header || row === 1) return unreadable(0, [issue(1, null, 'EMPTY_FILE', 'The file has no product rows.')]);
  return { columns: header as Column[], rows, rowCount: row - 1, issues: rowIssues, fatal: false };
}

function checkHeader(header: string[]): Issue[] {
  const issues: Issue[] = [];
  header.forEach((name) => {
    if (!isColumn(name)) issues.push(issue(1, name, 'UNKNOWN_COLUMN', `Unknown column "${name}". Columns: ${COLUMNS.join(', ')}.`));
  });
  const duplicates = header.filter((name, i) => header.indexOf(name) !== i);
  for (const name of new Set(duplicates)) issues.push(issue(1, name, 'UNKNOWN_COLUMN', `Column "${name}" appears twice.`));
  if (!header.includes('sku')) issues.push(issue(1, 'sku', 'MISSING_COLUMN', 'The header needs a sku column.'));
  if (!header.includes('handle') && !header.includes('title')) {
    issues.push(issue(1, 'title', 'MISSING_COLUMN', 'The header needs a handle or a title column.'));
  }
  return issues;
}
