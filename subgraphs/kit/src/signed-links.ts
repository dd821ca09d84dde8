// Short-lived download links the gateway serves (exports, printed documents): a purpose, an id and an expiry, signed
// with the gateway's secret, so a link names one file for a while and cannot be made up or stretched.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signingSecret } from './principal-header.js';

export type LinkCheck = 'VALID' | 'EXPIRED' | 'FORGED';

/** Signs and checks the links of one purpose (the purpose is signed too: a link of one kind never opens another). */
export function signedLinks(purpose: string, ttlMs: number) {
  const signatureOf = (id: string, expires: number) =>
    createHmac('sha256', signingSecret()).update(`${purpose}\n${id}\n${expires}`).digest('base64url');
  return {
    /** The `expires=…&signature=…` query of a link valid for the purpose's time from `now`, and when it expires. */
    sign(id: string, now: number = Date.now()): { query: string; expiresAt: Date } {
      const expires = now + ttlMs;
      return { query: `expires=${expires}&signature=${signatureOf(id, expires)}`, expiresAt: new Date(expires) };
    },
    /** Whether a link's expiry and signature are ones `sign` gave for this id, and still valid. */
    check(id: string, expires: string | null, signature: string | null, now: number = Date.now()): LinkCheck {
      const at = Number(expires);
      if (!expires || !signature || !Number.isSafeInteger(at)) return 'FORGED';
      const given = Buffer.from(signature, 'base64url');
      const expected = Buffer.from(signatureOf(id, at), 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'FORGED';
      return at > now ? 'VALID' : 'EXPIRED';
    },
  };
}
