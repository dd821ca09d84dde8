// Report exports: asked for through the API, written by the worker under EXPORT_DIR, downloaded through a signed link.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fail, isId, ok, scopesOf, type Db, type Principal, type Result } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { signedLinks, type LinkCheck } from '@shop/kit/signed-links';
import { mayUseMetric } from '../catalog/index.js';
import type { ReportQuery } from '../engine/index.js';
import { parseDefinition } from '../saved-reports/definition.js';
import { queryOf } from '../saved-reports/query.js';
import { savedReportsByIds } from '../saved-reports/visibility.js';
import { writeReportFile, type ExportFormat } from './render.js';
import { reportTable } from './report-table.js';
import { reportExport, type ExportQuery, type ReportExportRow } from './tables.js';

export const EXPORT_TASK = 'reports.export';

/** How long a download link works; the console asks for a fresh one each time it shows the export. */
export const EXPORT_LINK_TTL_MS = 15 * 60_000;
const links = signedLinks('report-export', EXPORT_LINK_TTL_MS);

/** EXPORT_DIR, else <DATA_DIR or .data>/exports, as the orders export: the gateway and the worker read the same env. */
function exportDir(): string {
  return resolve(process.env.EXPORT_DIR ?? join(process.env.DATA_DIR ?? '.data', 'exports'));
}

export const reportExportPath = (id: string, format: ExportFormat) => join(exportDir(), `reports-${id}.${format.toLowerCase()}`);

/** The gateway path of a finished export, signed and valid for EXPORT_LINK_TTL_MS. */
export function reportExportDownloadPath(row: ReportExportRow, now: number = Date.now()): string {
  return `/exports/reports/${row.id}.${row.format.toLowerCase()}?${links.sign(row.id, now).query}`;
}

export function reportExportLinkValid(id: string, expires: string | null, signature: string | null, now: number = Date.now()): LinkCheck {
  return links.check(id, expires, signature, now);
}

/** Who asked, as stored: only they see the job and download its file. */
export function requesterOf(principal: Principal): string | null {
  if (principal.kind === 'staff') return `staff:${principal.staffId}`;
  if (principal.kind === 'partner') return `key:${principal.apiKeyId}`;
  return null;
}

export type ExportErrorCode = 'NOT_FOUND' | 'DEFINITION_INVALID' | 'METRIC_FORBIDDEN';

/**
 * Queues an export of a saved report the principal sees (its preset resolved now) or of an ad-hoc query, checked
 * against the principal's metric scopes. `tx` is the mutation's transaction; the job commits with the row.
 */
export async function reportExportStart(
  tx: Db,
  principal: Principal,
  input: { savedReportId?: string | null; query?: ReportQuery | null; format: ExportFormat },
): Promise<Result<ReportExportRow, ExportErrorCode>> {
  const requestedBy = requesterOf(principal);
  if (!requestedBy) return fail('NOT_FOUND', 'Exports are for staff and partners.', []);
  if ((input.savedReportId == null) === (input.query == null)) {
    return fail('DEFINITION_INVALID', 'Give a saved report or a query, not both.', ['savedReportId']);
  }
  let query: ExportQuery;
  if (input.savedReportId != null) {
    const [report] = isId(input.savedReportId) ? await savedReportsByIds(tx, principal, [input.savedReportId]) : [];
    if (!report) return fail('NOT_FOUND', 'No saved report you may see has this id.', ['savedReportId']);
    // The preset is resolved now: the file covers what "last month" meant when it was asked for.
    query = { ...report.definition, rangePreset: null, range: queryOf(report.definition).range };
  } else {
    const { metrics, dimensions, filters, range, comparison, currencyCode, sortBy, reverse, first } = input.query!;
    const definition = parseDefinition({ metrics, dimensions: dimensions ?? [], filters: filters ?? [], range, comparison: comparison ?? 'NONE', currencyCode }, principal);
    if (!definition.ok) return fail(definition.errors[0]!.code, definition.errors[0]!.message, ['query', ...(definition.errors[0]!.field ?? []).slice(1)]);
    query = { ...definition.value, sortBy, reverse, first };
  }
  const forbidden = query.metrics.find((metric) => !mayUseMetric(principal, metric));
  if (forbidden) return fail('METRIC_FORBIDDEN', `Your access does not cover the metric ${forbidden}.`, ['query', 'metrics']);
  const [row] = await tx.insert(reportExport).values({ requestedBy, runScopes: [...scopesOf(principal)], query, format: input.format }).returning();
  await enqueue(tx, EXPORT_TASK, { exportId: row!.id }, { jobKey: `report-export:${row!.id}` });
  return ok(row!);
}

/** The export when the principal asked for it. */
export async function reportExportOf(db: Db, principal: Principal, id: string): Promise<ReportExportRow | null> {
  const requestedBy = requesterOf(principal);
  if (!requestedBy || !isId(id)) return null;
  const [row] = await db.select().from(reportExport).where(and(eq(reportExport.id, id), eq(reportExport.requestedBy, requestedBy)));
  return row ?? null;
}

/**
 * The worker's part: runs the report, writes the file under a temporary name and renames it once complete, then
 * marks the export DONE. A failure marks it FAILED and rethrows (the job retries). `db` is the pool.
 */
export async function writeReportExport(db: Db, exportId: string): Promise<void> {
  const [row] = await db.select().from(reportExport).where(eq(reportExport.id, exportId));
  if (!row || row.status === 'DONE') return;
  const set = (values: Partial<typeof reportExport.$inferInsert>) => db.update(reportExport).set({ ...values, updatedAt: new Date() }).where(eq(reportExport.id, exportId));
  await set({ status: 'RUNNING', progress: 0 });
  const format = row.format as ExportFormat;
  const final = reportExportPath(row.id, format);
  const partial = `${final}.part`;
  try {
    const { sortBy, reverse, first } = row.query;
    const table = await reportTable(db, { ...queryOf(row.query), sortBy, reverse, first: first ?? 1000 }, row.runScopes);
    await set({ progress: 0.5 });
    await mkdir(exportDir(), { recursive: true });
    await writeReportFile(table, format, createWriteStream(partial));
    await rename(partial, final);
    await set({ status: 'DONE', progress: 1, rowCount: table.rows.length });
  } catch (error) {
    await rm(partial, { force: true });
    await set({ status: 'FAILED' });
    throw error;
  }
}
