'use client';

import { useEffect, useState } from 'react';

import { useListNavigation, withoutCursor } from './list-navigation';

/** How long typing pauses before the list searches. */
const debounceMs = 300;

export interface DebouncedSearch {
  value: string;
  onChange: (value: string) => void;
  /** Searches at once (Enter, the search button). */
  submit: () => void;
  pending: boolean;
}

/**
 * A search box's state bound to one URL parameter (`q` by default): typing searches after a
 * 300 ms pause, and every search starts again at the first page (the cursor is dropped).
 */
export function useDebouncedSearch(param = 'q'): DebouncedSearch {
  const { searchParams, go, pending } = useListNavigation();
  const applied = searchParams.get(param) ?? '';
  const [value, setValue] = useState(applied);
  const [seen, setSeen] = useState(applied);
  const [sent, setSent] = useState<string | null>(null);

  // The URL changed: from elsewhere (a saved view, Back) the box shows it; when it is this box's
  // own search arriving, what was typed since is kept.
  if (applied !== seen) {
    setSeen(applied);
    if (applied !== sent) setValue(applied);
  }

  const searchFor = (text: string) => {
    const query = text.trim();
    if (query === applied) return;
    const next = withoutCursor(searchParams);
    if (query) next.set(param, query);
    else next.delete(param);
    setSent(query);
    go(next, 'replace');
  };

  useEffect(() => {
    const timer = setTimeout(() => searchFor(value), debounceMs);
    return () => clearTimeout(timer);
    // Only typing restarts the pause; the URL it compares against is the one of the last render.
  }, [value]);

  return { value, onChange: setValue, submit: () => searchFor(value), pending };
}
