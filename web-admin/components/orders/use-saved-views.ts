'use client';

import { useMemo, useSyncExternalStore } from 'react';

/** A view is the list's query string (filters and sort, never a cursor). */
export interface SavedView {
  name: string;
  query: string;
}

/** The views every operator has. */
export const builtInViews = [
  // Paid or being packed, and not waiting on hold: the day's shipping work.
  { key: 'toShipToday', query: '?status=PAID,FULFILLING&flagged=0' },
  { key: 'flagged', query: '?flagged=1' },
  { key: 'unpaid', query: '?status=PENDING_PAYMENT' },
] as const;

// Operators' own views stay in this browser: the API keeps no per-staff settings.
const storageKey = 'shop.orders.savedViews';
const changed = 'shop:orders-saved-views';

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(changed, onChange);
  };
}

function parseViews(raw: string): SavedView[] {
  try {
    const views: unknown = JSON.parse(raw);
    if (!Array.isArray(views)) return [];
    return views.filter(
      (v): v is SavedView => typeof v?.name === 'string' && typeof v?.query === 'string' && v.query.startsWith('?'),
    );
  } catch {
    return [];
  }
}

/** The operator's saved views and a setter that stores them (and tells other tabs). */
export function useSavedViews(): [SavedView[], (views: SavedView[]) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(storageKey) ?? '[]',
    () => '[]',
  );
  const views = useMemo(() => parseViews(raw), [raw]);
  const save = (next: SavedView[]) => {
    window.localStorage.setItem(storageKey, JSON.stringify(next));
    window.dispatchEvent(new Event(changed));
  };
  return [views, save];
}
