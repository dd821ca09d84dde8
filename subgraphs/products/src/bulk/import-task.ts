import { eq } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { applyPlans } from './apply.js';
import { checkImport, type ImportCaller } from './check.js';
import type { Issue } from './issues.js';
import { byRow } from './issues.js';
import { jobById, saveIssues, type ImportJobPayload } from './service.js';
import { loadCatalog, planImport, type ProductGroup, type RowOutcome } from './plan.js';
import { uploadPath } from './storage.js';
import { importJob, type ImportJobRow } from './tables.js';

/** Rows per batch: one transaction and one progress update each (whole products, never split). */
export const BATCH_ROWS = 500;

/** The catalog changed between the check and the write, and the mode allows no bad row. */
class ImportRefused extends Error {
  constructor(readonly issues: Issue[]) {
    super('Rows became invalid while importing.');
  }
}

function batches(groups: readonly ProductGroup[]): ProductGroup[][] {
  const out: ProductGroup[][] = [];
  let current: ProductGroup[] = [];
  let rows = 0;
  for (const group of groups) {
    if (rows && rows + group.rows.length > BATCH_ROWS) {
      out.push(current);
      current = [];
      rows = 0;
    }
    current.push(group);
    rows += group.rows.length;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Runs one import job (graphile-worker task `products.import`): checks the
 * whole file, then writes the good rows in batches of whole products, each
 * batch re-planned against the catalog inside its transaction so unchanged
 * rows are never written. SKIP_INVALID_ROWS commits batch by batch;
 * ALL_OR_NOTHING refuses a file with any issue and writes every batch in one
 * transaction. Progress is written outside the batches, so it shows while
 * they run. Idempotent: a finished job is left alone, and a retried one
 * re-plans against what earlier attempts wrote.
 */
export async function runImportJob(payload: unknown, db: Db): Promise<void> {
  const { jobId, costAllowed } = payload as Partial<ImportJobPayload> & { jobId: string };
  const job = await jobById(db, jobId);
  if (!job || job.status === 'SUCCEEDED' || job.status === 'FAILED') return;
  try {
    // A job queued without the flag predates it; it may not import cost prices.
    await importFile(db, job, { costAllowed: costAllowed === true });
  } catch (error) {
    // Whatever failed (reading the file, the catalog, saving issues), the job ends FAILED with a reason.
    log.error({ err: error, jobId }, 'product import failed');
    await db
      .update(importJob)
      .set({ status: 'FAILED', message: unexpectedFailure(jobId, job.mode === 'ALL_OR_NOTHING'), finishedAt: new Date(), updatedAt: new Date() })
      .where(eq(importJob.id, jobId));
  }
}

const unexpectedFailure = (jobId: string, all: boolean) =>
  `The import stopped on an unexpected error${all ? '; nothing was imported' : ' after the batches counted as processed'}. ` +
  `Quote job ${jobId} to an operator: the cause is logged under it.`;

async function importFile(db: Db, job: ImportJobRow, caller: ImportCaller): Promise<void> {
  const jobId = job.id;
  const setJob = (values: Partial<typeof importJob.$inferInsert>) =>
    db.update(importJob).set({ ...values, updatedAt: new Date() }).where(eq(importJob.id, jobId));
  const finish = async (status: 'SUCCEEDED' | 'FAILED', issues: Issue[], values: Partial<typeof importJob.$inferInsert>) => {
    issues.sort(byRow);
    await saveIssues(db, jobId, issues);
    await setJob({ ...values, status, errorCount: issues.length, finishedAt: new Date() });
  };
  await setJob({ status: 'RUNNING', startedAt: new Date(), processed: 0, created: 0, updated: 0, unchanged: 0, invalid: 0, errorCount: 0 });

  const check = await checkImport(db, uploadPath(job.uploadId), caller);
  const issues = [...check.issues];
  const all = job.mode === 'ALL_OR_NOTHING';
  if (all && issues.length) {
    await finish('FAILED', issues, {
      total: check.rowCount,
      processed: check.rowCount,
      invalid: check.invalid,
      message: `${check.invalid} of ${check.rowCount} rows have issues; nothing was imported.`,
    });
    return;
  }
  const counts: Record<RowOutcome, number> & { processed: number; invalid: number } = {
    create: 0, update: 0, unchanged: 0, processed: check.invalid, invalid: check.invalid,
  };
  await setJob({ total: check.rowCount, processed: counts.processed, invalid: counts.invalid });

  const runBatch = async (tx: Db, groups: ProductGroup[]) => {
    const planned = planImport(groups, await loadCatalog(tx, groups));
    if (planned.issues.length && all) throw new ImportRefused(planned.issues);
    issues.push(...planned.issues);
    await applyPlans(tx, planned.plans, check.fileHandles);
    return { outcomes: planned.plans.flatMap((p) => p.outcomes), refused: new Set(planned.issues.map((i) => i.row)).size };
  };
  const progress = async (groups: ProductGroup[], result: Awaited<ReturnType<typeof runBatch>>) => {
    for (const { outcome } of result.outcomes) counts[outcome] += 1;
    counts.invalid += result.refused;
    counts.processed += groups.reduce((n, g) => n + g.rows.length, 0);
    await setJob({ processed: counts.processed, created: counts.create, updated: counts.update, unchanged: counts.unchanged, invalid: counts.invalid });
  };

  try {
    if (all) {
      await db.transaction(async (tx) => {
        for (const groups of batches(check.groups)) await progress(groups, await runBatch(tx, groups));
      });
    } else {
      for (const groups of batches(check.groups)) await progress(groups, await db.transaction((tx) => runBatch(tx, groups)));
    }
  } catch (error) {
    const refused = error instanceof ImportRefused;
    if (!refused) log.error({ err: error, jobId }, 'product import failed');
    await finish('FAILED', refused ? [...issues, ...error.issues] : issues, {
      created: all ? 0 : counts.create,
      updated: all ? 0 : counts.update,
      message: refused
        ? 'The catalog changed while importing and some rows became invalid; nothing was imported.'
        : unexpectedFailure(jobId, all),
    });
    return;
  }
  await finish('SUCCEEDED', issues, {});
}
