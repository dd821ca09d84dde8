'use client';

import { useEffect, useRef, useState } from 'react';

import { previewSegment, type PreviewResult } from '@/app/(console)/members/segments/actions';
import type { SegmentRulesInput } from '@/app/(console)/members/segments/segments.graphql';

/** How long editing pauses before the size is counted again (the list search's pattern). */
const debounceMs = 300;

/**
 * The live size of rules being edited: counted after a pause in editing, and only
 * the answer to the latest rules is kept (an older, slower answer never overwrites it).
 */
export function useLivePreview(rules: SegmentRulesInput): { result: PreviewResult | null; pending: boolean } {
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const key = JSON.stringify(rules);

  useEffect(() => {
    const ticket = ++latest.current;
    setPending(true);
    const timer = setTimeout(() => {
      previewSegment(JSON.parse(key) as SegmentRulesInput)
        .then((answer) => {
          if (ticket === latest.current) setResult(answer);
        })
        .catch(() => {
          if (ticket === latest.current) setResult({ ok: false, reason: 'ERROR' });
        })
        .finally(() => {
          if (ticket === latest.current) setPending(false);
        });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [key]);

  return { result, pending };
}
