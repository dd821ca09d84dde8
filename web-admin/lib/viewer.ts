import { cache } from 'react';
import { redirect } from 'next/navigation';

import { ConsoleViewer, type ConsoleViewerNode } from '@/app/(console)/viewer.graphql';

import { loginUrl, request } from './graphql';

/** Staff always read their own scopes and roles; the schema keeps them nullable for other callers. */
export type Viewer = ConsoleViewerNode & {
  scopes: NonNullable<ConsoleViewerNode['scopes']>;
  roles: NonNullable<ConsoleViewerNode['roles']>;
};

/**
 * The signed-in staff member, fetched once per request (the layout and the page share it).
 * No staff behind the session cookie → /login?next=….
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const { data } = await request(ConsoleViewer, {});
  if (!data?.me) redirect(await loginUrl());
  return { ...data.me, scopes: data.me.scopes ?? [], roles: data.me.roles ?? [] };
});

/** Whether the viewer holds any of these scopes. */
export function can(viewer: Pick<Viewer, 'scopes'>, ...anyOf: string[]): boolean {
  return anyOf.some((scope) => viewer.scopes.includes(scope));
}
