// Import jobs: queuing one, reading it, and the issues its rows were refused for.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { isId, type Db, type Result } from '@shop/kit';
import { fail, ok } from '@shop/kit/result';
import { enqueue } from '@shop/kit/jobs';
import type { ImportCaller } from './check.js';
import type { Issue } from './issues.js';
import { uploadById } from './storage.js';
import { importIssue, importJob, type ImportJobRow } from './tables.js';

/** The graphile-worker task that runs an import job (import-task.ts). */
export const IMPORT_TASK = 'products.import';

export type ImportMode = ImportJobRow['mode'];

/** The worker job's payload. */
export type ImportJobPayload = ImportCaller & { jobId: string };
export type ImportErrorCode = 'UPLOAD_NOT_FOUND' | 'IMPORT_RUNNING';

/** Longest issue list one answer carries; the CSV report has them all. */
export const MAX_ISSUES = 1000;
export const DEFAULT_ISSUES = 100;

export function issueLimit(first: number | null | undefined): number {
  return Math.max(0, Math.min(first ?? DEFAULT_ISSUES, MAX_ISSUES));
}

/**
 * Queues an import of an upload (expects a transaction: the job row and its
 * worker job commit together). One job at a time per upload.
 */
export async function importStart(
  tx: Db,
  input: { uploadId: string; mode: ImportMode },
  actorId: string | null,
  caller: ImportCaller,
): Promise<Result<ImportJobRow, ImportErrorCode>> {
  if (!(await uploadById(tx, input.uploadId))) {
    return fail('UPLOAD_NOT_FOUND', 'No uploaded file has this id; upload it again.', ['input', 'uploadId']);
  }
  // Serialises concurrent starts of one upload.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.uploadId}))`);
  const running = await tx
    .select({ id: importJob.id })
    .from(importJob)
    .where(and(eq(importJob.uploadId, input.uploadId), inArray(importJob.status, ['QUEUED', 'RUNNING'])))
    .limit(1);
  if (running.length) return fail('IMPORT_RUNNING', 'This file is being imported already; wait for that job to end.', ['input', 'uploadId']);
  const [job] = await tx.insert(importJob).values({ uploadId: input.uploadId, mode: input.mode, startedBy: actorId }).returning();
  // The worker has no caller: what the caller may import travels with the job.
  const payload = { jobId: job!.id, costAllowed: caller.costAllowed } satisfies ImportJobPayload;
  await enqueue(tx, IMPORT_TASK, payload, { jobKey: `product-import:${job!.id}` });
  return ok(job!);
}

export async function jobById(db: Db, id: string): Promise<ImportJobRow | null> {
  if (!isId(id)) return null;
  const [row] = await db.select().from(importJob).where(eq(importJob.id, id));
  return row ?? null;
}

/** A job's issues in file order, `limit` at a time after `afterSeq`. */
export function jobIssues(db: Db, jobId: string, limit: number, afterSeq = -1): Promise<(Issue & { seq: number })[]> {
  return db
    .select({ seq: importIssue.seq, row: importIssue.row, column: importIssue.column, code: importIssue.code, message: importIssue.message })
    .from(importIssue)
    .where(and(eq(importIssue.jobId, jobId), gt(importIssue.seq, afterSeq)))
    .orderBy(asc(importIssue.seq))
    .limit(limit) as Promise<(Issue & { seq: number })[]>;
}

/** Every issue of a job, a page at a time (the error report streams these). */
export async function* allJobIssues(db: Db, jobId: string, pageSize = 1000): AsyncGenerator<Issue[]> {
  for (let after = -1; ; ) {
    const page = await jobIssues(db, jobId, pageSize, after);
    if (!page.length) return;
    yield page;
    after = page.at(-1)!.seq;
  }
}

/** Replaces a job's stored issues (a retried job reports afresh). */
export async function saveIssues(db: Db, jobId: string, issues: readonly Issue[]): Promise<void> {
  await db.delete(importIssue).where(eq(importIssue.jobId, jobId));
  for (let i = 0; i < issues.length; i += 1000) {
    await db.insert(importIssue).values(issues.slice(i, i + 1000).map((issue, j) => ({ jobId, seq: i + j, ...issue })));
  }
}

/** A job as the API shows it; `errors` is a function the default resolver calls with the field's arguments. */
export type JobView = ReturnType<typeof jobView>;

/** A job as the API shows it; `errors` resolves on demand. */
export function jobView(db: Db, job: ImportJobRow) {
  return {
    ...job,
    kind: 'PRODUCT_IMPORT' as const,
    progress: job.total ? job.processed / job.total : job.status === 'SUCCEEDED' ? 1 : 0,
    errors: (args: { first?: number | null }) => jobIssues(db, job.id, issueLimit(args.first)),
    errorReportUrl: `/imports/products/${job.id}/errors.csv`,
  };
}
