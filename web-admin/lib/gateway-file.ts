import { cookies } from 'next/headers';

import { forwardingHeaders } from '@/lib/client-address';
import { gatewayUrl, sessionCookie } from '@/lib/graphql';

/** The gateway's origin (its file routes sit beside /graphql). */
const gatewayOrigin = gatewayUrl.replace(/\/graphql$/, '');

/**
 * Calls one of the gateway's file routes as the signed-in staff member (the
 * session cookie becomes the Bearer token), for the route handlers that proxy
 * uploads and CSV downloads: the browser never holds the token.
 */
export async function gatewayFile(path: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<Response> {
  const token = (await cookies()).get(sessionCookie)?.value;
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(await forwardingHeaders())) headers.set(name, value);
  return fetch(`${gatewayOrigin}${path}`, { ...init, headers, cache: 'no-store' });
}

/** Passes a gateway CSV download through as it streams, keeping its type and file name. */
export function passThrough(response: Response): Response {
  const headers = new Headers();
  for (const name of ['content-type', 'content-disposition', 'cache-control']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { status: response.status, headers });
}
