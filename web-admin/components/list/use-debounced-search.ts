'use client';

import { useEffect, useState } from 'react';

import { useListNavigation, withoutCursor } from './list-navigation';

/** How long typing pauses before the list searches. */
const debounceMs = 300;

export interface DebouncedSearch {
  /** The applied search, for the box's `defaultValue`. */
  defaultValue: string;
  /** Changes when the URL's search changes from elsewhere (a saved view, Back): the box's `key`. */
  revision: number;
  onChange: (value: string) => void;
  /** Searches at once (Enter, the search button) for what the box holds. */
  submit: (value: string) => void;
  pending: boolean;
}

/**
 * A search box bound to one URL parameter (`q` by default): typing searches after a 300 ms pause,
 * and every search starts again at the first page (the cursor is dropped). The box stays
 * uncontrolled, so what is typed before the page is interactive is neither lost nor reset.
 */
export function useDebouncedSearch(param = 'q'): DebouncedSearch {
  const { searchParams, go, pending } = useListNavigation();
  const applied = searchParams.get(param) ?? '';
  /** What was typed since the box last showed the URL; null: nothing. */
  const [typed, setTyped] = useState<string | null>(null);
  const [seen, setSeen] = useState(applied);
  const [sent, setSent] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  // The URL changed. Its own search arriving keeps what was typed since; from elsewhere, the box
  // starts again from the URL.
  if (applied !== seen) {
    setSeen(applied);
    if (applied !== sent) {
      setTyped(null);
      setRevision(revision + 1);
    }
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
    if (typed === null) return;
    const timer = setTimeout(() => searchFor(typed), debounceMs);
    return () => clearTimeout(timer);
    // Only typing restarts the pause; the URL it compares against is the one of the last render.
  }, [typed]);

  return { defaultValue: applied, revision, onChange: setTyped, submit: searchFor, pending };
}
