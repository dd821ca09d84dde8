'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False during the server render and hydration, true afterwards. Dialogs that must stay
 * mounted (`forceRender`, so their forms stay connected) render only then: a portal
 * rendered during hydration does not match the server HTML.
 */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
