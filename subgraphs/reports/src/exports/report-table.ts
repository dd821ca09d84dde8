// A report run as a table for a file: one column per dimension, then one per metric (and its comparison).
import type { Db, Principal } from '@shop/kit';
import { runReport, type ReportQuery, type ReportResult } from '../engine/index.js';
import type { ReportTable } from './render.js';

/**
 * The principal a background run uses: the scopes its requester held when asking (an export) or setting the
 * schedule up; the engine reads nothing else of it.
 */
function runner(scopes: readonly string[]): Principal {
  return { kind: 'staff', staffId: 'report-runner', sessionId: 'report-runner', roles: [], scopes: [...scopes], stepUpUntil: null };
}

/** The result's rows as text cells: dimension labels (the key where none), metric values ('' when not computable). */
export function tableOf(result: ReportResult): ReportTable {
  const comparing = result.comparisonTotals !== null;
  const metricColumns = result.metrics.flatMap((m) => (comparing ? [m.toLowerCase(), `${m.toLowerCase()}_comparison`] : [m.toLowerCase()]));
  const cells = (values: ReportResult['totals'], comparison: ReportResult['totals'] | null) =>
    values.flatMap((v, i) => (comparing ? [v.value ?? '', comparison?.[i]?.value ?? ''] : [v.value ?? '']));
  // Without dimensions the report is its totals: one row.
  const rows = result.dimensions.length
    ? result.rows.map((row) => [...row.keys.map((k) => k.label ?? k.key), ...cells(row.values, row.comparisonValues)])
    : [cells(result.totals, result.comparisonTotals)];
  return { columns: [...result.dimensions.map((d) => d.toLowerCase()), ...metricColumns], rows };
}

/** Runs the query with `scopes` and answers its table; throws when the engine refuses (the job fails visibly). */
export async function reportTable(db: Db, query: ReportQuery, scopes: readonly string[]): Promise<ReportTable> {
  const result = await runReport(db, query, runner(scopes), null);
  if (!result.ok) throw new Error(`report refused: ${result.errors[0]!.code}`);
  return tableOf(result.value);
}
