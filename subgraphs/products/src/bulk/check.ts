import type { Db } from '@shop/kit';
import { byRow, issue, type Issue } from './issues.js';
import { groupRows, loadCatalog, planImport, type ProductGroup, type RowOutcome } from './plan.js';
import { readImportCsv } from './read-csv.js';
import { parseRow, type ImportRow } from './rows.js';

/** Everything a dry run learns about a file; the job imports `groups` (the good rows) from it. */
export interface ImportCheck {
  rowCount: number;
  /** Every issue, in row order. */
  issues: Issue[];
  /** Rows with at least one issue. */
  invalid: number;
  counts: Record<RowOutcome, number>;
  /** The good rows by product, in file order. */
  groups: ProductGroup[];
  /** Handles the file names, which generated handles must leave alone. */
  fileHandles: Set<string>;
}

/** What the caller may do with the file, decided from their scopes when the dry run or the job starts. */
export interface ImportCaller {
  /**
   * catalog:read_cost: only then may the file carry cost prices. Without it a
   * dry run would tell whether a guessed cost is the catalog's (`unchanged`).
   */
  costAllowed: boolean;
}

const costColumnRefused = (): Issue =>
  issue(1, 'cost_price', 'FORBIDDEN_COLUMN', 'Importing cost prices needs the scope catalog:read_cost: remove the cost_price column or leave it blank.');

/** A file refused as a whole: no row is compared with the catalog, so the counts say nothing about it. */
function refusedFile(rowCount: number, reason: Issue): ImportCheck {
  return { rowCount, issues: [reason], invalid: rowCount, counts: { create: 0, update: 0, unchanged: 0 }, groups: [], fileHandles: new Set() };
}

/**
 * The dry run: reads the file, checks each row, the rows together and the
 * rows against the catalog, and plans the writes without making them.
 * `db` may be the pool: nothing is written.
 */
export async function checkImport(db: Db, path: string, caller: ImportCaller): Promise<ImportCheck> {
  const file = await readImportCsv(path);
  if (!caller.costAllowed && file.rows.some((r) => r.cells.cost_price)) return refusedFile(file.rowCount, costColumnRefused());
  const issues = [...file.issues];
  const parsed: ImportRow[] = [];
  for (const raw of file.rows) {
    const result = parseRow(raw);
    if (result.row) parsed.push(result.row);
    else issues.push(...result.issues);
  }
  const grouped = groupRows(parsed);
  issues.push(...grouped.issues);
  const planned = planImport(grouped.groups, await loadCatalog(db, grouped.groups));
  issues.push(...planned.issues);
  issues.sort(byRow);

  const badRows = new Set(issues.map((i) => i.row));
  const counts: Record<RowOutcome, number> = { create: 0, update: 0, unchanged: 0 };
  for (const plan of planned.plans) for (const { outcome } of plan.outcomes) counts[outcome] += 1;
  const groups = grouped.groups
    .map((g) => ({ rows: g.rows.filter((r) => !badRows.has(r.row)) }))
    .filter((g) => g.rows.length);
  return {
    rowCount: file.rowCount,
    issues,
    invalid: file.fatal ? file.rowCount : badRows.size,
    counts,
    groups,
    fileHandles: new Set(parsed.flatMap((r) => (r.handle ? [r.handle] : []))),
  };
}
