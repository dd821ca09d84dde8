'use server';

import { describeErrors, hasErrorCode, request } from '@/lib/graphql';
import { runMutation, type ActionResult, type UserError } from '@/lib/mutation';

import { SegmentArchive, SegmentBuilderPreview, SegmentCreate, SegmentUpdate, type SegmentRulesInput } from './segments.graphql';

/** What the builder shows beside its rules: the live size and a few names, or why there is none. */
export type PreviewResult =
  | { ok: true; count: number; sample: { id: string; name: string | null }[] }
  | { ok: false; reason: 'USER_ERRORS'; userErrors: UserError[] }
  | { ok: false; reason: 'FORBIDDEN' | 'ERROR'; message?: string };

/** segmentPreview for the rules as the builder holds them (nothing is saved). */
export async function previewSegment(rules: SegmentRulesInput): Promise<PreviewResult> {
  const { data, errors } = await request(SegmentBuilderPreview, { rules });
  if (hasErrorCode(errors, 'FORBIDDEN') && !data?.segmentPreview) return { ok: false, reason: 'FORBIDDEN' };
  const preview = data?.segmentPreview;
  if (!preview) return { ok: false, reason: 'ERROR', message: describeErrors(errors) };
  if (preview.userErrors.length) return { ok: false, reason: 'USER_ERRORS', userErrors: preview.userErrors };
  return { ok: true, count: preview.count ?? 0, sample: (preview.sample ?? []).map((m) => ({ id: m.id, name: m.displayName })) };
}

export interface SegmentFields {
  name: string;
  description: string | null;
  rules: SegmentRulesInput;
}

/** segmentCreate, or segmentUpdate when `id` is given; answers the segment's id. */
export async function saveSegment(id: string | null, fields: SegmentFields): Promise<ActionResult<string>> {
  return id
    ? runMutation(SegmentUpdate, { input: { id, ...fields } }, (d) => d.segmentUpdate, () => id)
    : runMutation(SegmentCreate, { input: fields }, (d) => d.segmentCreate, (p) => p.segment!.id);
}

/** segmentArchive. */
export async function archiveSegment(id: string): Promise<ActionResult<null>> {
  return runMutation(SegmentArchive, { input: { id } }, (d) => d.segmentArchive, () => null);
}
