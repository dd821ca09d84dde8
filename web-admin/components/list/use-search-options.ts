'use client';

import { useRef, useState } from 'react';

/**
 * Options of a search-as-you-type picker: `search(text)` asks `find` 250 ms after the last
 * keystroke, and only the answer to the latest search is kept (an older one that arrives late
 * does not overwrite it).
 */
export function useSearchOptions<T>(find: (text: string) => Promise<T[]>) {
  const [options, setOptions] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const search = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const found = await find(text);
        if (ticket === latest.current) setOptions(found);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    }, 250);
  };

  return { options, loading, search };
}
