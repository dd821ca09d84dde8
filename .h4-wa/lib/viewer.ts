import { cache } from 'react';
import { redirect } from 'next/navigation';

import { ConsoleViewer, type ConsoleViewerNode } from '@/app/(console)/viewer.graphql';

import { loginUrl, request } from './graphql';

export type Viewer = ConsoleViewerNode;

/**
 * The signed-in staff member, fetched once per request (the layout and the page share it).
 * No staff behind the session cookie → /login?next=….
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const { data } = await request(ConsoleViewer, {});
  if (!data?.me) redirect(await loginUrl());
  return data.me;
});

/** Whether the viewer holds any of these scopes. */
export function can(viewer: Pick<Viewer, 'scopes'>, ...anyOf: string[]): boolean {
  return anyOf.some((scope) => viewer.scopes.includes(scope));
}
