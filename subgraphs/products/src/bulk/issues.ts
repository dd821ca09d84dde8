/** Why a row (or the file) cannot be imported; the SDL's ProductImportIssueCode. */
export type IssueCode =
  | 'MALFORMED_CSV'
  | 'EMPTY_FILE'
  | 'TOO_MANY_ROWS'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'FORBIDDEN_COLUMN'
  | 'INVALID_TEXT'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID_STATUS'
  | 'INVALID_HANDLE'
  | 'INVALID_SKU'
  | 'INVALID_BARCODE'
  | 'INVALID_TAGS'
  | 'HANDLE_TAKEN'
  | 'INVALID_NUMBER'
  | 'NEGATIVE_VALUE'
  | 'TOO_MANY_DECIMALS'
  | 'INVALID_CURRENCY'
  | 'DUPLICATE_SKU'
  | 'SKU_CONFLICT'
  | 'PRODUCT_FIELD_CONFLICT'
  | 'INVALID_OPTIONS'
  | 'DUPLICATE_OPTIONS'
  | 'TOO_MANY_VARIANTS';

/** One problem in one cell (or row, when column is null) of an import file; rows count from the header (1). */
export interface Issue {
  row: number;
  column: string | null;
  code: IssueCode;
  message: string;
}

/** Text that PostgreSQL cannot store (NUL) or that is not valid UTF-8 (a lone surrogate). */
export const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_TEXT_ALL = new RegExp(UNSTORABLE_TEXT.source, 'g');

/** Messages and column names quote the file; what cannot be stored is shown as U+FFFD, so the issue itself can be saved. */
const storable = (text: string) => text.replace(UNSTORABLE_TEXT_ALL, '\uFFFD');

export const issue = (row: number, column: string | null, code: IssueCode, message: string): Issue => ({
  row,
  column: column === null ? null : storable(column),
  code,
  message: storable(message),
});

/** Issues in file order; a row's issues keep the order they were found in. */
export const byRow = (a: Issue, b: Issue) => a.row - b.row;
