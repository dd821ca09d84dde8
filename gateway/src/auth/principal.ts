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

/** The client's address: the socket peer (no proxy is trusted to rewrite it). */
export function clientAddressOf(req: IncomingMessage): string | null {
  return req.socket.remoteAddress ?? null;
}
