'use server';

import { revalidatePath } from 'next/cache';

import type { ReportExportInput, ReportQueryInput, SavedReportDefinitionInput } from '@/gql/graphql';
import { hasErrorCode, request } from '@/lib/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  ReportExportJob,
  ReportExportStart,
  ReportPreview,
  SavedReportCreate,
  SavedReportDelete,
  SavedReportUpdate,
  type ReportPreviewResult,
} from './reports.graphql';

/** What a preview answers: the result, or why there is none (a metric not permitted, a bad range). */
export type PreviewAnswer =
  | { ok: true; result: ReportPreviewResult }
  | { ok: false; reason: 'FORBIDDEN' | 'BAD_USER_INPUT' | 'ERROR' };

/** Runs `report(input)` as the signed-in staff member for the builder's preview. */
export async function previewReport(input: ReportQueryInput): Promise<PreviewAnswer> {
  const { data, errors } = await request(ReportPreview, { input });
  if (data?.report) return { ok: true, result: data.report };
  if (hasErrorCode(errors, 'FORBIDDEN')) return { ok: false, reason: 'FORBIDDEN' };
  if (hasErrorCode(errors, 'BAD_USER_INPUT')) return { ok: false, reason: 'BAD_USER_INPUT' };
  return { ok: false, reason: 'ERROR' };
}

/** savedReportCreate, or savedReportUpdate when `id` names the report opened in the builder; answers its id. */
export async function saveReport(
  id: string | null,
  name: string,
  definition: SavedReportDefinitionInput,
  sharedWithRoles: string[],
): Promise<ActionResult<string>> {
  const input = { name: name.trim(), definition, sharedWithRoles };
  const result = id
    ? await runMutation(SavedReportUpdate, { input: { id, ...input } }, (d) => d.savedReportUpdate, (p) => p.savedReport?.id ?? id)
    : await runMutation(SavedReportCreate, { input }, (d) => d.savedReportCreate, (p) => p.savedReport?.id ?? '');
  if (result.ok) revalidatePath('/reports', 'layout');
  return result;
}

export async function deleteSavedReport(id: string): Promise<ActionResult<null>> {
  const result = await runMutation(SavedReportDelete, { input: { id } }, (d) => d.savedReportDelete, () => null);
  if (result.ok) revalidatePath('/reports', 'layout');
  return result;
}

/** An export as the progress bar shows it. */
export interface ExportState {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
}

/** reportExport of a saved report or of the builder's query; the worker writes the file. */
export async function startExport(input: ReportExportInput): Promise<ActionResult<ExportState>> {
  return runMutation(ReportExportStart, { input }, (d) => d.reportExport, (p) => ({
    id: p.export!.id,
    status: p.export!.status,
    progress: p.export!.progress,
  }));
}

/** How far an export is; null when it cannot be read. */
export async function exportState(id: string): Promise<ExportState | null> {
  const { data } = await request(ReportExportJob, { id });
  const job = data?.reportExportJob;
  return job ? { id: job.id, status: job.status, progress: job.progress } : null;
}
