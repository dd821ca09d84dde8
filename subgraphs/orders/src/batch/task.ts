// The worker task that runs a batch: counters as it goes, the report at the end, FAILED with a reason on a fault.
import { eq, sql } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { renderPrintFile } from '../documents/render.js';
import type { OrderActor } from '../history/index.js';
import type { FilterAccess } from '../service.js';
import { bookOrders, type BookRequest } from './book.js';
import { writeOrderExport, type ExportFormat } from './export.js';
import type { BatchSelection } from './selection.js';
import { batchRunById, saveIssues } from './service.js';
import { checkShipRows, shipRows } from './ship-csv.js';
import type { ShipCsvRow } from './ship-csv-read.js';
import { writeExportFile } from './storage.js';
import { batchRun, type BatchIssue, type BatchRunRow } from './tables.js';
import { tagOrders } from './tag.js';

/** Counters are written every this many orders, so progress shows without a write per order. */
const PROGRESS_EVERY = 25;

const setRun = (db: Db, id: string, values: Partial<typeof batchRun.$inferInsert>) =>
  db.update(batchRun).set({ ...values, updatedAt: new Date() }).where(eq(batchRun.id, id));

/** Adds to the counters in one statement (never read-modify-write). */
const bump = (db: Db, id: string, done: number, failed: number) =>
  db
    .update(batchRun)
    .set({ done: sql`${batchRun.done} + ${done}`, failed: sql`${batchRun.failed} + ${failed}`, updatedAt: new Date() })
    .where(eq(batchRun.id, id));

/** Batches `bump`s so the counters move every PROGRESS_EVERY orders and once more at the end. */
function meter(db: Db, id: string) {
  let done = 0;
  let failed = 0;
  // Taken and reset before the write: concurrent lanes keep counting while it runs.
  const flush = async () => {
    const [d, f] = [done, failed];
    done = 0;
    failed = 0;
    if (d || f) await bump(db, id, d, f);
  };
  return {
    add: async (d: number, f: number) => {
      done += d;
      failed += f;
      if (done >= PROGRESS_EVERY) await flush();
    },
    flush,
  };
}

async function shipFromCsv(db: Db, run: BatchRunRow, actor: OrderActor): Promise<BatchIssue[]> {
  const rows = run.input.rows as ShipCsvRow[];
  const checked = await checkShipRows(db, rows);
  const progress = meter(db, run.id);
  await progress.add(checked.issues.length, checked.issues.length);
  if (run.dryRun) {
    await progress.add(checked.good.length, 0);
    await progress.flush();
    return checked.issues;
  }
  const refused = await shipRows(db, actor, checked.good, ({ shipped }) => progress.add(1, shipped ? 0 : 1));
  await progress.flush();
  return [...checked.issues, ...refused].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

async function exportOrders(db: Db, run: BatchRunRow): Promise<BatchIssue[]> {
  const input = run.input as { selection: BatchSelection; access: FilterAccess; withContact: boolean; format: ExportFormat };
  let written = 0;
  await writeExportFile(run.id, input.format, async (out) => {
    await writeOrderExport(db, input, out, async (orders) => {
      await bump(db, run.id, orders - written, 0);
      written = orders;
    });
  });
  // The total was counted at start; orders placed or changed since make the file's count the truth.
  await setRun(db, run.id, { total: written, done: written });
  return [];
}

async function retag(db: Db, run: BatchRunRow, actor: OrderActor): Promise<BatchIssue[]> {
  const input = run.input as { selection: BatchSelection; access: FilterAccess; add: string[]; remove: string[] };
  const progress = meter(db, run.id);
  const issues = await tagOrders(db, actor, input, ({ done, failed }) => progress.add(done, failed));
  await progress.flush();
  return issues;
}

async function book(db: Db, run: BatchRunRow, actor: OrderActor): Promise<BatchIssue[]> {
  const progress = meter(db, run.id);
  const issues = await bookOrders(db, actor, run.input as unknown as BookRequest, ({ done, failed }) => progress.add(done, failed));
  await progress.flush();
  return issues;
}

async function print(db: Db, run: BatchRunRow): Promise<BatchIssue[]> {
  await renderPrintFile(db, run.input.printId as string, async (orders) => {
    await setRun(db, run.id, { done: orders });
  });
  return [];
}

/** What each kind of run does. */
const RUNNERS: Record<BatchRunRow['kind'], (db: Db, run: BatchRunRow, actor: OrderActor) => Promise<BatchIssue[]>> = {
  SHIP_FROM_CSV: shipFromCsv,
  BOOK: book,
  TAG: retag,
  EXPORT: exportOrders,
  PRINT: print,
};

/**
 * Runs one batch (graphile-worker task `orders.batchRun`). Each order is its
 * own transaction, so a fault part-way leaves the orders done so far done and
 * the run FAILED with a reason. A finished run is left alone; a retried one
 * starts its counters and report afresh (orders it shipped before are then
 * reported as WRONG_STATE, tags already there change nothing).
 */
export async function runBatch(payload: unknown, db: Db): Promise<void> {
  const { runId } = payload as { runId: string };
  const run = await batchRunById(db, runId);
  if (!run || run.status === 'SUCCEEDED' || run.status === 'FAILED') return;
  const actor = run.input.actor as OrderActor;
  await setRun(db, run.id, { status: 'RUNNING', startedAt: new Date(), done: 0, failed: 0 });
  try {
    const issues = await RUNNERS[run.kind](db, run, actor);
    await saveIssues(db, run.id, issues);
    await setRun(db, run.id, { status: 'SUCCEEDED', finishedAt: new Date() });
  } catch (error) {
    log.error({ err: error, runId }, 'order batch run failed');
    await setRun(db, run.id, {
      status: 'FAILED',
      finishedAt: new Date(),
      message: `The run stopped on an unexpected error after the orders counted as done. Quote run ${runId} to an operator: the cause is logged under it.`,
    });
  }
}
