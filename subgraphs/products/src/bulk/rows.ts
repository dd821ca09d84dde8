import { currencyExponent, MAX_WHOLE_DIGITS } from '@shop/kit';
import {
  cleanBarcode,
  cleanDescription,
  cleanHandle,
  cleanSku,
  cleanTags,
  cleanTitle,
  LIMITS,
  Problems,
  type CatalogErrorCode,
} from '../input/index.js';
import type { ProductRow } from '../tables.js';
import type { Column } from './columns.js';
import { issue, UNSTORABLE_TEXT, type Issue } from './issues.js';
import type { RawRow } from './read-csv.js';

const STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
/** Limits the editor has no constant for: brand names, option names and values. */
const NAME_MAX_LENGTH = 100;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** The editor's userError codes as import issue codes. */
const ISSUE_OF = {
  INVALID_TITLE: 'TOO_LONG',
  INVALID_HANDLE: 'INVALID_HANDLE',
  INVALID_SKU: 'INVALID_SKU',
  INVALID_BARCODE: 'INVALID_BARCODE',
  INVALID_TAG: 'INVALID_TAGS',
  TOO_MANY_ITEMS: 'INVALID_TAGS',
  DESCRIPTION_TOO_LONG: 'TOO_LONG',
} satisfies Partial<Record<CatalogErrorCode, Issue['code']>>;

/**
 * One well-formed row. An absent field is a blank cell: it keeps what the
 * catalog holds, or takes the default for something new. Amounts stay decimal
 * text until the catalog says which currency an existing variant is in.
 */
export interface ImportRow {
  row: number;
  handle?: string;
  title?: string;
  status?: ProductRow['status'];
  brand?: string;
  tags?: string[];
  /** Sanitised HTML. */
  description?: string;
  /** Option names and this variant's values, in axis order; absent when every option cell is blank. */
  options?: { names: string[]; values: string[] };
  sku: string;
  barcode?: string;
  weightGrams?: number;
  price?: string;
  compareAt?: string;
  cost?: string;
  currency?: string;
}

/** The product a row belongs to: its handle, or without one its title. */
export const productKey = (row: ImportRow) => (row.handle ? `handle:${row.handle}` : `title:${row.title}`);

/** Checks one row on its own (no other row, no database); returns the row or its issues. */
export function parseRow(raw: RawRow): { row: ImportRow; issues: [] } | { row: null; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = raw.row;
  const cell = (column: Column) => raw.cells[column] || undefined;
  const fail = (column: Column | null, code: Issue['code'], message: string) => issues.push(issue(at, column, code, message));
  // Checked first, on every cell: the other checks quote cells, and nothing with these characters can be written.
  for (const [column, value] of Object.entries(raw.cells) as [Column, string][]) {
    if (UNSTORABLE_TEXT.test(value)) fail(column, 'INVALID_TEXT', 'The cell holds a NUL character or a lone surrogate, which cannot be stored.');
  }
  if (issues.length) return { row: null, issues };
  const text = (column: Column, limit: number) => {
    const value = cell(column);
    if (value !== undefined && [...value].length > limit) fail(column, 'TOO_LONG', `At most ${limit} characters.`);
    return value;
  };

  // The editor's own checks (input/checks.ts), so an import accepts exactly what the editor does.
  const problems = new Problems();
  const clean = <T>(column: Column, check: (value: string) => T): T | undefined => {
    const value = cell(column);
    if (value === undefined) return undefined;
    const before = problems.errors.length;
    const cleaned = check(value);
    for (const problem of problems.errors.slice(before)) fail(column, ISSUE_OF[problem.code as keyof typeof ISSUE_OF], problem.message);
    return cleaned;
  };
  const handle = clean('handle', (v) => cleanHandle(problems, v, []));
  const title = clean('title', (v) => cleanTitle(problems, v, []));
  if (handle === undefined && title === undefined) fail('title', 'REQUIRED', 'A row needs a handle or a title to say which product it belongs to.');

  const statusText = cell('status')?.toUpperCase();
  const status = STATUSES.find((s) => s === statusText);
  if (statusText !== undefined && !status) fail('status', 'INVALID_STATUS', `"${cell('status')}" is not DRAFT, ACTIVE or ARCHIVED.`);

  const sku = clean('sku', (v) => cleanSku(problems, v, []));
  if (sku === undefined) fail('sku', 'REQUIRED', 'Every row needs a SKU.');
  const barcode = clean('barcode', (v) => cleanBarcode(problems, v, []) ?? undefined);
  const brand = text('brand', NAME_MAX_LENGTH);
  const description = clean('description', (v) => cleanDescription(problems, v, []));
  const tags = clean('tags', (v) => cleanTags(problems, v.split(',').filter((t) => t.trim()), []));

  const options = parseOptions(raw, fail);

  const weightText = cell('weight_grams');
  let weightGrams: number | undefined;
  if (weightText !== undefined) {
    if (/^-\d+$/.test(weightText)) fail('weight_grams', 'NEGATIVE_VALUE', 'A weight cannot be below zero.');
    else if (!/^\d{1,9}$/.test(weightText)) fail('weight_grams', 'INVALID_NUMBER', `"${weightText}" is not a whole number of grams.`);
    else weightGrams = Number(weightText);
  }

  const currency = cell('currency')?.toUpperCase();
  if (currency !== undefined && !isCurrency(currency)) fail('currency', 'INVALID_CURRENCY', `"${cell('currency')}" is not a currency the shop sells in.`);
  const amount = (column: 'price' | 'compare_at_price' | 'cost_price') => {
    const value = cell(column);
    if (value === undefined) return undefined;
    if (/^-\d/.test(value)) fail(column, 'NEGATIVE_VALUE', 'An amount cannot be below zero.');
    else if (!DECIMAL.test(value)) fail(column, 'INVALID_NUMBER', `"${value}" is not a decimal amount such as 199.50.`);
    else if (value.split('.')[0]!.replace(/^0+(?=\d)/, '').length > MAX_WHOLE_DIGITS) {
      fail(column, 'INVALID_NUMBER', `An amount has at most ${MAX_WHOLE_DIGITS} digits before the point.`);
    }
    else if (currency && isCurrency(currency) && decimalsOf(value) > currencyExponent(currency)) tooManyDecimals(column, currency);
    return value;
  };
  const tooManyDecimals = (column: Column, code: string) =>
    fail(column, 'TOO_MANY_DECIMALS', `${code} amounts have at most ${currencyExponent(code)} decimals.`);
  const price = amount('price');
  const compareAt = amount('compare_at_price');
  const cost = amount('cost_price');

  if (issues.length) return { row: null, issues };
  return {
    row: { row: at, handle, title, status, description, brand, tags, options, sku: sku!, barcode, weightGrams, price, compareAt, cost, currency },
    issues: [],
  };
}

function parseOptions(
  raw: RawRow,
  fail: (column: Column, code: Issue['code'], message: string) => void,
): ImportRow['options'] {
  const names: string[] = [];
  const values: string[] = [];
  let gap = false;
  for (let axis = 1; axis <= LIMITS.maxOptions; axis++) {
    const nameColumn = `option${axis}_name` as Column;
    const valueColumn = `option${axis}_value` as Column;
    const name = raw.cells[nameColumn] || undefined;
    const value = raw.cells[valueColumn] || undefined;
    if (name === undefined && value === undefined) {
      gap = true;
      continue;
    }
    if (gap) fail(nameColumn, 'INVALID_OPTIONS', `Option ${axis} is given but option ${axis - 1} is not.`);
    if (name === undefined) fail(nameColumn, 'REQUIRED', `Option ${axis} has a value but no name.`);
    if (value === undefined) fail(valueColumn, 'REQUIRED', `Option ${axis} has a name but no value.`);
    if ([...(name ?? '')].length > NAME_MAX_LENGTH || [...(value ?? '')].length > NAME_MAX_LENGTH) {
      fail(valueColumn, 'TOO_LONG', `Option names and values have at most ${NAME_MAX_LENGTH} characters.`);
    }
    if (names.includes(name ?? '')) fail(nameColumn, 'INVALID_OPTIONS', `Option "${name}" appears twice.`);
    names.push(name ?? '');
    values.push(value ?? '');
  }
  return names.length ? { names, values } : undefined;
}

/** The CurrencyCode enum of schema/kit.graphql: what a variant's price may be in. */
const CURRENCIES = ['THB', 'CNY', 'HKD', 'TWD', 'SAR', 'AED', 'KWD', 'USD', 'JPY'];

export const isCurrency = (code: string) => CURRENCIES.includes(code);

export const decimalsOf = (value: string) => value.split('.')[1]?.length ?? 0;
