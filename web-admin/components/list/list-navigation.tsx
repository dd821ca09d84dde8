'use client';

import { createContext, useContext, useTransition, type ReactNode } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/** Moves a list to other search parameters inside a transition, so the list can show it is loading. */
export interface ListNavigation {
  pending: boolean;
  /** The search parameters of the current URL. */
  searchParams: URLSearchParams;
  /** Goes to `search` on this page; `replace` for typing, which should not fill the history. */
  go: (search: URLSearchParams, mode?: 'push' | 'replace') => void;
}

const SharedNavigation = createContext<ListNavigation | null>(null);

function useOwnListNavigation(): ListNavigation {
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams();
  const [pending, startTransition] = useTransition();
  const searchParams = new URLSearchParams(current.toString());
  const go = (search: URLSearchParams, mode: 'push' | 'replace' = 'push') => {
    if (search.toString() === current.toString()) return;
    const href = search.size ? `${pathname}?${search.toString()}` : pathname;
    startTransition(() => (mode === 'push' ? router.push(href) : router.replace(href)));
  };
  return { pending, searchParams, go };
}

/** Shares one navigation between a list and the controls around it (its pending state shows on the table). */
export function ListNavigationProvider({ children }: { children: ReactNode }) {
  return <SharedNavigation value={useOwnListNavigation()}>{children}</SharedNavigation>;
}

/** The navigation of the enclosing list, or one of its own outside any list. */
export function useListNavigation(): ListNavigation {
  const shared = useContext(SharedNavigation);
  const own = useOwnListNavigation();
  return shared ?? own;
}

/** The current parameters without the cursor: a changed search or filter starts again at the first page. */
export function withoutCursor(search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('after');
  next.delete('before');
  return next;
}
