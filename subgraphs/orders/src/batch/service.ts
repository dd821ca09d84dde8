// Batch runs: starting one (checked input, a row and its worker job in one transaction), reading them and their reports.
import { and, asc, eq, gt } from 'drizzle-orm';
import { connectionOf, isId, ok, reissued, type ConnectionArgs, type Db, type Result } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import type { OrderActor } from '../history/index.js';
import { parseTags } from '../notes/index.js';
import type { FilterAccess } from '../service.js';
import type { ExportFormat } from './export.js';
import { countSelected, parseSelection, type BatchSelectionInput, type SelectionErrorCode } from './selection.js';
import { readShipCsv, type ShipCsvErrorCode } from './ship-csv-read.js';
import { activeCarriers } from './ship-step.js';
import { batchRun, batchRunRow, type BatchIssue, type BatchKind, type BatchRunRow } from './tables.js';
import { batchFail } from '../errors/index.js';

/** The graphile-worker task that runs every kind of batch (task.ts). */
export const BATCH_TASK = 'orders.batchRun';

export type BatchErrorCode = ShipCsvErrorCode | SelectionErrorCode | 'INVALID_TAGS' | 'NOTHING_SELECTED' | 'UNKNOWN_CARRIER' | 'CARRIER_CANNOT_BOOK';

/** Who started a run: what its changes are recorded under, since the worker has no caller. */
interface Starter {
  actor: OrderActor;
  startedBy: string | null;
}

async function start(tx: Db, starter: Starter, values: { kind: BatchKind; dryRun?: boolean; total: number; input: Record<string, unknown>; resultHasContact?: boolean }) {
  const [run] = await tx
    .insert(batchRun)
    .values({ ...values, input: { ...values.input, actor: starter.actor }, startedBy: starter.startedBy })
    .returning();
  await enqueue(tx, BATCH_TASK, { runId: run!.id }, { jobKey: `order-batch:${run!.id}` });
  return run!;
}

/**
 * Queues a "mark shipped" run over a CSV of order_number, carrier,
 * tracking_number (expects a transaction). A file that is not usable as a
 * whole is refused here and nothing starts; row problems are the run's report.
 * A dry run checks every row and ships nothing.
 */
export async function batchShipFromCsv(
  tx: Db,
  starter: Starter,
  input: { csv: string; dryRun: boolean },
): Promise<Result<BatchRunRow, BatchErrorCode>> {
  const rows = readShipCsv(input.csv);
  if (!rows.ok) return rows;
  return ok(await start(tx, starter, { kind: 'SHIP_FROM_CSV', dryRun: input.dryRun, total: rows.value.length, input: { rows: rows.value } }));
}

/** Queues adding and removing tags on the selected orders (expects a transaction). */
export async function batchTag(
  tx: Db,
  starter: Starter,
  input: { selection: BatchSelectionInput; add?: string[] | null; remove?: string[] | null },
  access: FilterAccess,
): Promise<Result<BatchRunRow, BatchErrorCode>> {
  const selection = parseSelection(input.selection, ['input', 'selection']);
  if (!selection.ok) return selection;
  const lists = { add: input.add ?? [], remove: input.remove ?? [] };
  if (!lists.add.length && !lists.remove.length) return batchFail('INVALID_TAGS', ['input', 'add']);
  const parsed: Record<'add' | 'remove', string[]> = { add: [], remove: [] };
  for (const key of ['add', 'remove'] as const) {
    if (!lists[key].length) continue;
    const tags = parseTags(lists[key]);
    if (!tags.ok) return { ok: false, errors: [reissued(tags.errors[0]!, { code: 'INVALID_TAGS' as const, field: ['input', key, ...(tags.errors[0]!.field?.slice(2) ?? [])] })] };
    parsed[key] = tags.value;
  }
  const total = await countSelected(tx, selection.value, access);
  if (!total) return batchFail('NOTHING_SELECTED', ['input', 'selection']);
  return ok(await start(tx, starter, { kind: 'TAG', total, input: { selection: selection.value, access, ...parsed } }));
}

/**
 * Queues booking waybills with a carrier for the selected orders, each then
 * shipped whole (expects a transaction). The carrier must be active and book
 * waybills itself (its adapter); a manual carrier is refused here.
 */
export async function batchBook(
  tx: Db,
  starter: Starter,
  input: { selection: BatchSelectionInput; carrierCode: string },
  access: FilterAccess,
): Promise<Result<BatchRunRow, BatchErrorCode>> {
  const selection = parseSelection(input.selection, ['input', 'selection']);
  if (!selection.ok) return selection;
  const carrier = (await activeCarriers(tx)).get(input.carrierCode);
  if (!carrier) return batchFail('UNKNOWN_CARRIER', ['input', 'carrierCode']);
  if (carrier.adapter === 'manual') {
    return batchFail('CARRIER_CANNOT_BOOK', ['input', 'carrierCode'], { carrier: carrier.name });
  }
  const total = await countSelected(tx, selection.value, access);
  if (!total) return batchFail('NOTHING_SELECTED', ['input', 'selection']);
  return ok(await start(tx, starter, { kind: 'BOOK', total, input: { selection: selection.value, access, carrierCode: carrier.code } }));
}

/**
 * Queues an export of the selected orders (expects a transaction). Whether it
 * carries contact data is decided now, by the caller's rights, and recorded on
 * the run: downloading such a file needs members:read_pii as well.
 */
export async function batchExport(
  tx: Db,
  starter: Starter,
  input: { selection: BatchSelectionInput; format: ExportFormat },
  access: FilterAccess & { contact: boolean },
): Promise<Result<BatchRunRow, BatchErrorCode>> {
  const selection = parseSelection(input.selection, ['input', 'selection']);
  if (!selection.ok) return selection;
  const { contact, ...filterAccess } = access;
  const total = await countSelected(tx, selection.value, filterAccess);
  if (!total) return batchFail('NOTHING_SELECTED', ['input', 'selection']);
  const run = await start(tx, starter, {
    kind: 'EXPORT',
    total,
    input: { selection: selection.value, access: filterAccess, withContact: contact, format: input.format },
  });
  const [marked] = await tx
    .update(batchRun)
    .set({ resultFormat: input.format, resultHasContact: contact })
    .where(eq(batchRun.id, run.id))
    .returning();
  return ok(marked!);
}

/**
 * Queues rendering a recorded print (documents/) into its PDF (expects the print's transaction). The documents
 * show names and addresses, so the run is marked as holding contact data.
 */
export function batchPrint(tx: Db, starter: Starter, print: { printId: string; orders: number }): Promise<BatchRunRow> {
  return start(tx, starter, { kind: 'PRINT', total: print.orders, input: { printId: print.printId }, resultHasContact: true });
}

export async function batchRunById(db: Db, id: string): Promise<BatchRunRow | null> {
  if (!isId(id)) return null;
  const [row] = await db.select().from(batchRun).where(eq(batchRun.id, id));
  return row ?? null;
}

/** Runs, newest first. */
export function listBatchRuns(db: Db, args: ConnectionArgs) {
  return connectionOf(args, {
    sort: batchRun.createdAt,
    id: batchRun.id,
    descending: true,
    rows: (page) => db.select().from(batchRun).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => db.$count(batchRun),
  });
}

/** Longest report one answer carries. */
export const MAX_REPORT_ROWS = 1_000;

/** A run's report in file (or order) order, `limit` rows after `afterSeq`. */
export function batchIssues(db: Db, runId: string, limit: number, afterSeq = -1) {
  return db
    .select()
    .from(batchRunRow)
    .where(and(eq(batchRunRow.runId, runId), gt(batchRunRow.seq, afterSeq)))
    .orderBy(asc(batchRunRow.seq))
    .limit(Math.max(0, Math.min(limit, MAX_REPORT_ROWS)));
}

/** Replaces a run's report (a retried run reports afresh). */
export async function saveIssues(db: Db, runId: string, issues: readonly BatchIssue[]): Promise<void> {
  await db.delete(batchRunRow).where(eq(batchRunRow.runId, runId));
  for (let i = 0; i < issues.length; i += 1000) {
    await db.insert(batchRunRow).values(issues.slice(i, i + 1000).map((issue, j) => ({ ...issue, runId, seq: i + j })));
  }
}

