import type { NextRequest } from 'next/server';

import { gate } from './lib/gate';

/** Every console page without a session cookie goes to /login?next=… (see lib/gate.ts). */
export function proxy(request: NextRequest) {
  return gate(request);
}

export const config = {
  // Everything but the login page, Next's own files and the favicon.
  matcher: ['/((?!login|_next/static|_next/image|favicon\\.ico).*)'],
};
