// Stocktakes: previewing and applying counted quantities from a CSV file.
import { and, asc, eq } from 'drizzle-orm';
import { CsvError, parse } from 'csv-parse/sync';
import { anyId, failWith, ok, requireStepUp, userError, type Db, type Principal } from '@shop/kit';
// Products' write/read surface for other domains; stock keeps no copy of SKUs.
import { variantIdsBySku } from '@shop/products/commands';
import { applyMovements } from '../ledger/index.js';
import { warehouseExists, type PurchasingError, type PurchasingResult } from '../purchasing/index.js';
import { STEP_UP_DECREASE } from '../service.js';
import { level } from '../tables.js';

export interface StocktakeInput {
  warehouseId: string;
  csv: string;
}

export interface StocktakeLine {
  sku: string;
  variantId: string;
  counted: number;
  onHand: number;
  difference: number;
}

interface CountRow {
  /** The CSV line the row ends on (the header is line 1), for error paths. */
  line: number;
  sku: string;
  counted: number;
}

// Bounds one request: a count sheet for a whole warehouse of the benchmark's size fits.
const MAX_ROWS = 100_000;
const MAX_COUNT = 1_000_000;
const HEADER = ['sku', 'counted'];

const rowError = (code: PurchasingError['code'], message: string, line: number) =>
  userError(code, message, ['input', 'csv', String(line)]);

/** The sheet's rows, or INVALID_CSV / INVALID_QUANTITY / duplicate errors; SKUs are not looked up yet. */
function parseSheet(csv: string): { rows: CountRow[]; errors: PurchasingError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { info: true, skip_empty_lines: true, trim: true, bom: true, to: MAX_ROWS + 2 }) as unknown as typeof records;
  } catch (cause) {
    const message = cause instanceof CsvError ? cause.message : 'The sheet is not valid CSV.';
    return { rows: [], errors: [userError('INVALID_CSV', message, ['input', 'csv'])] };
  }
  const [header, ...data] = records;
  if (!header || header.record.map((h) => h.toLowerCase()).join(',') !== HEADER.join(',')) {
    return { rows: [], errors: [userError('INVALID_CSV', 'The first line must be the header "sku,counted".', ['input', 'csv'])] };
  }
  if (!data.length) return { rows: [], errors: [userError('INVALID_CSV', 'The sheet has no counts.', ['input', 'csv'])] };
  if (data.length > MAX_ROWS) {
    return { rows: [], errors: [userError('INVALID_CSV', `A sheet holds at most ${MAX_ROWS} counts.`, ['input', 'csv'])] };
  }
  const rows: CountRow[] = [];
  const errors: PurchasingError[] = [];
  const lineOfSku = new Map<string, number>();
  for (const { record, info } of data) {
    const [sku = '', countedText = ''] = record;
    const line = info.lines;
    const earlier = lineOfSku.get(sku);
    if (earlier !== undefined) {
      errors.push(rowError('INVALID_CSV', `SKU ${sku} is already counted on line ${earlier}.`, line));
      continue;
    }
    lineOfSku.set(sku, line);
    if (!/^\d+$/.test(countedText) || Number(countedText) > MAX_COUNT) {
      errors.push(rowError('INVALID_QUANTITY', `"${countedText}" is not a count from 0 to ${MAX_COUNT}.`, line));
      continue;
    }
    rows.push({ line, sku, counted: Number(countedText) });
  }
  return { rows, errors };
}

/**
 * The differences the sheet would apply, and every problem with it. `lock`
 * takes the levels' row locks (in the ledger's lock order), so the differences
 * stay true until the caller's transaction ends.
 */
async function evaluate(tx: Db, input: StocktakeInput, lock: boolean) {
  if (!(await warehouseExists(tx, input.warehouseId))) {
    const unknown: PurchasingError[] = [userError('UNKNOWN_WAREHOUSE', 'No warehouse has this id.', ['input', 'warehouseId'])];
    return { lines: [], errors: unknown };
  }
  const { rows, errors } = parseSheet(input.csv);
  const ids = await variantIdsBySku(tx, rows.map((row) => row.sku));
  const known = rows.filter((row) => {
    if (ids.has(row.sku)) return true;
    errors.push(rowError('UNKNOWN_SKU', `No variant has SKU "${row.sku}".`, row.line));
    return false;
  });
  const query = tx
    .select({ variantId: level.variantId, onHand: level.onHand, reserved: level.reserved })
    .from(level)
    .where(and(eq(level.warehouseId, input.warehouseId), anyId(level.variantId, [...ids.values()])))
    .orderBy(asc(level.variantId));
  const levels = new Map((await (lock ? query.for('update') : query)).map((row) => [row.variantId, row]));
  const lines: StocktakeLine[] = [];
  for (const row of known) {
    const variantId = ids.get(row.sku)!;
    const { onHand, reserved } = levels.get(variantId) ?? { onHand: 0, reserved: 0 };
    if (row.counted < reserved) {
      errors.push({
        ...rowError('INSUFFICIENT_STOCK', `Counted ${row.counted}, but ${reserved} units are reserved for orders.`, row.line),
        availableQuantity: onHand - reserved,
      });
      continue;
    }
    lines.push({ sku: row.sku, variantId, counted: row.counted, onHand, difference: row.counted - onHand });
  }
  errors.sort((a, b) => Number(a.field?.[2] ?? 0) - Number(b.field?.[2] ?? 0));
  return { lines, errors };
}

/** What applying the sheet would change; writes nothing. Good lines come back even when others are wrong. */
export function stocktakePreview(tx: Db, input: StocktakeInput) {
  return evaluate(tx, input, false);
}

/**
 * Applies the sheet as STOCKTAKE movements of (counted − on hand), in the
 * caller's transaction: all lines or, when any line is wrong, none. A line that
 * takes more than STEP_UP_DECREASE units off needs a step-up, as an adjustment
 * does: a count sheet would otherwise write off what stockAdjust guards.
 */
export async function stocktakeApply(
  tx: Db,
  principal: Principal,
  actorId: string | null,
  input: StocktakeInput,
): Promise<PurchasingResult<{ applied: number }>> {
  const { lines, errors } = await evaluate(tx, input, true);
  if (errors.length) return failWith<PurchasingError>(errors);
  if (lines.some((line) => line.difference < -STEP_UP_DECREASE)) {
    requireStepUp(principal, `apply a count that decreases stock by more than ${STEP_UP_DECREASE} units`);
  }
  const changed = lines.filter((line) => line.difference !== 0);
  const reference = `stocktake ${new Date().toISOString()}`;
  const moved = await applyMovements(
    tx,
    changed.map((line) => ({
      variantId: line.variantId,
      warehouseId: input.warehouseId,
      kind: 'STOCKTAKE' as const,
      onHandDelta: line.difference,
      reservedDelta: 0,
      reference,
      actorId,
    })),
  );
  if (!moved.ok) return failWith(moved.errors.map((e) => ({ ...e, availableQuantity: e.availableQuantity ?? undefined })));
  return ok({ applied: changed.length });
}
