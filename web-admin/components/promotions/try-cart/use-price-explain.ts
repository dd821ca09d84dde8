'use client';

import { explainCart, type ExplainResult, type TrialCart } from '@/app/(console)/promotions/actions';
import { useDebouncedAnswer } from '@/components/shell/use-debounced-answer';

/**
 * The engine's explanation of the trial cart: asked after a pause in editing and again whenever
 * `revision` changes (the promotion was saved). An empty cart is not sent.
 */
export function usePriceExplain(cart: TrialCart, revision: number): { result: ExplainResult | null; pending: boolean } {
  return useDebouncedAnswer(cart, explainCart, { failed: { ok: false, reason: 'ERROR' }, skip: (asked) => !asked.lines.length, revision });
}
