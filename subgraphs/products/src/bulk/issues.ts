/** Why a row (or the file) cannot be imported; the SDL's ProductImportIssueCode. */
export type IssueCode =
  | 'MALFORMED_CSV'
  | 'EMPTY_FILE'
  | 'TOO_MANY_ROWS'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
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

export const issue = (row: number, column: string | null, code: IssueCode, message: string): Issue => ({
  row,
  column,
  code,
  message,
});

/** Issues in file order; a row's issues keep the order they were found in. */
export const byRow = (a: Issue, b: Issue) => a.row - b.row;
