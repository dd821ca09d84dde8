import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, codedError, type Db, type Principal } from '@shop/kit';
import { TOKEN_PREFIX } from '@shop/kit/secrets';
import { authenticate } from '@shop/access/commands';
import { authenticateCustomer } from '@shop/members/commands';

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw codedError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>".', { http: { status: 401 } });
  return match[1]!;
}

/**
 * The principal behind a request: anonymous without credentials; otherwise the
 * staff session, partner key or customer session the bearer token names, looked
 * up on every request so that revocation takes effect at once. A token that
 * names nothing valid is an UNAUTHENTICATED error, not an anonymous request, so
 * clients learn to sign in again.
 */
export async function resolvePrincipal(db: Db, req: IncomingMessage): Promise<Principal> {
  const token = bearerToken(req);
  if (token === null) return ANONYMOUS;
  const stepUp = req.headers['x-step-up'];
  const principal = token.startsWith(TOKEN_PREFIX.customerSession)
    ? await authenticateCustomer(db, token)
    : await authenticate(db, token, typeof stepUp === 'string' ? stepUp : null);
  if (!principal) {
    throw codedError('UNAUTHENTICATED', 'The session or API key is invalid, expired or revoked.', {
      http: { status: 401 },
    });
  }
  return principal;
}

/** Header through which the admin console proves it is the console (CONSOLE_FORWARDING_SECRET). */
export const CONSOLE_SECRET_HEADER = 'x-shop-console-secret';
/** Header in which the console names the address of the person using it. */
export const FORWARDED_FOR_HEADER = 'x-forwarded-for';

function isConsole(req: IncomingMessage): boolean {
  const expected = process.env.CONSOLE_FORWARDING_SECRET;
  const sent = req.headers[CONSOLE_SECRET_HEADER];
  if (!expected || typeof sent !== 'string') return false;
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The end client's address, for login throttling, the cost bucket and the
 * audit log. Normally the socket peer. The admin console signs every person in
 * from its own address, so it forwards theirs in X-Forwarded-For; that header
 * is believed only beside the console's secret, otherwise anyone could pick an
 * address per request and escape the per-address throttle. A forwarded value
 * that is not one IP address is ignored.
 */
export function clientAddressOf(req: IncomingMessage): string | null {
  const peer = req.socket.remoteAddress ?? null;
  if (!isConsole(req)) return peer;
  const forwarded = req.headers[FORWARDED_FOR_HEADER];
  const address = typeof forwarded === 'string' ? forwarded.trim() : '';
  return isIP(address) ? address : peer;
}
