'use client';

import { useEffect, useRef, useState } from 'react';

import { explainCart, type ExplainResult, type TrialCart } from '@/app/(console)/promotions/actions';

/** How long editing the cart pauses before it is priced again (the segment builder's pattern). */
const debounceMs = 300;

/**
 * The engine's explanation of the trial cart: asked after a pause in editing and again whenever
 * `revision` changes (the promotion was saved); only the answer to the latest request is kept.
 * An empty cart is not sent.
 */
export function usePriceExplain(cart: TrialCart, revision: number): { result: ExplainResult | null; pending: boolean } {
  const [result, setResult] = useState<ExplainResult | null>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const key = JSON.stringify(cart);

  useEffect(() => {
    const ticket = ++latest.current;
    const asked = JSON.parse(key) as TrialCart;
    if (!asked.lines.length) {
      setResult(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      explainCart(asked)
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
  }, [key, revision]);

  return { result, pending };
}
