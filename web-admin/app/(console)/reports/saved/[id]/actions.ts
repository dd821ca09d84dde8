'use server';

import { revalidatePath } from 'next/cache';

import type { ReportScheduleCreateInput } from '@/gql/graphql';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { ReportScheduleCreate, ReportScheduleDelete, ReportScheduleUpdate } from './schedules.graphql';

/** reportScheduleCreate on a saved report; the delivery time is HH:MM on the shop's clock. */
export async function createSchedule(input: ReportScheduleCreateInput): Promise<ActionResult<null>> {
  const result = await runMutation(ReportScheduleCreate, { input: { ...input, target: input.target.trim() } }, (d) => d.reportScheduleCreate, () => null);
  if (result.ok) revalidatePath(`/reports/saved/${input.savedReportId}`);
  return result;
}

/** Pauses or resumes a schedule. */
export async function setScheduleEnabled(savedReportId: string, id: string, enabled: boolean): Promise<ActionResult<null>> {
  const result = await runMutation(ReportScheduleUpdate, { input: { id, enabled } }, (d) => d.reportScheduleUpdate, () => null);
  if (result.ok) revalidatePath(`/reports/saved/${savedReportId}`);
  return result;
}

export async function deleteSchedule(savedReportId: string, id: string): Promise<ActionResult<null>> {
  const result = await runMutation(ReportScheduleDelete, { input: { id } }, (d) => d.reportScheduleDelete, () => null);
  if (result.ok) revalidatePath(`/reports/saved/${savedReportId}`);
  return result;
}
