'use server';

import type { ReportQueryInput } from '@/gql/graphql';
import { hasErrorCode, request } from '@/lib/graphql';

import { ReportPreview, type ReportPreviewResult } from './reports.graphql';

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
