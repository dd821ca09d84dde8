'use client';

import { useEffect, useRef, useState } from 'react';

/** How long editing pauses before the question is asked again (the list search's pattern). */
const debounceMs = 300;

/**
 * The server's answer to `question` while it is being edited (a segment's live size, a trial cart's price):
 * asked after a pause in editing and again whenever `revision` changes; only the answer to the latest
 * question is kept, so an older, slower answer never overwrites it. A thrown request answers `failed`.
 * A question `skip` says not to send clears the answer.
 */
export function useDebouncedAnswer<Q, A>(
  question: Q,
  ask: (question: Q) => Promise<A>,
  options: { failed: A; skip?: (question: Q) => boolean; revision?: unknown },
): { result: A | null; pending: boolean } {
  const [result, setResult] = useState<A | null>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const key = JSON.stringify(question);
  // The latest callbacks, read when the timer fires: callers need not memoise them.
  const current = useRef({ ask, options });
  current.current = { ask, options };

  useEffect(() => {
    const ticket = ++latest.current;
    const asked = JSON.parse(key) as Q;
    if (current.current.options.skip?.(asked)) {
      setResult(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      current.current
        .ask(asked)
        .then((answer) => {
          if (ticket === latest.current) setResult(answer);
        })
        .catch(() => {
          if (ticket === latest.current) setResult(current.current.options.failed);
        })
        .finally(() => {
          if (ticket === latest.current) setPending(false);
        });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [key, options.revision]);

  return { result, pending };
}
