import { NextResponse, type NextRequest } from 'next/server';

// Literal copies: the proxy bundle must not pull in next/headers through lib/graphql.
const sessionCookie = 'shop_session';
const pathHeader = 'x-console-path';

/**
 * Runs before every console request: without a session cookie the browser is sent to
 * /login?next=<path>; with one, the path is passed on so a page whose session turns out
 * expired can send the viewer back here after signing in. The session itself is checked
 * by the gateway on each request.
 */
export function gate(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  if (!request.cookies.get(sessionCookie)?.value) {
    const login = new URL('/login', request.url);
    if (path !== '/') login.searchParams.set('next', path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set(pathHeader, path);
  return NextResponse.next({ request: { headers } });
}
