'use client';

import { previewSegment, type PreviewResult } from '@/app/(console)/members/segments/actions';
import type { SegmentRulesInput } from '@/app/(console)/members/segments/segments.graphql';
import { useDebouncedAnswer } from '@/components/shell/use-debounced-answer';

/** The live size of rules being edited: counted after a pause in editing, the latest answer kept. */
export function useLivePreview(rules: SegmentRulesInput): { result: PreviewResult | null; pending: boolean } {
  return useDebouncedAnswer(rules, previewSegment, { failed: { ok: false, reason: 'ERROR' } });
}
