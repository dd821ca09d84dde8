// The short-lived signed link of a print (GET /documents/<printId>.pdf on the gateway).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signingSecret } from '@shop/kit/principal-header';

/** How long a link works; printing again gives a fresh one. */
export const DOCUMENT_LINK_TTL_MS = 15 * 60_000;

const signatureOf = (printId: string, expires: number) =>
  createHmac('sha256', signingSecret()).update(`documents\n${printId}\n${expires}`).digest('base64url');

/** The gateway path of a print's PDF, signed and valid for DOCUMENT_LINK_TTL_MS. */
export function documentDownloadPath(printId: string, now: number = Date.now()): { path: string; expiresAt: Date } {
  const expires = now + DOCUMENT_LINK_TTL_MS;
  return { path: `/documents/${printId}.pdf?expires=${expires}&signature=${signatureOf(printId, expires)}`, expiresAt: new Date(expires) };
}

/** Whether a link's expiry and signature are the ones documentDownloadPath gave for this print, and still valid. */
export function documentLinkValid(printId: string, expires: string | null, signature: string | null, now: number = Date.now()): 'VALID' | 'EXPIRED' | 'FORGED' {
  const at = Number(expires);
  if (!expires || !signature || !Number.isSafeInteger(at)) return 'FORGED';
  const given = Buffer.from(signature, 'base64url');
  const expected = Buffer.from(signatureOf(printId, at), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'FORGED';
  return at > now ? 'VALID' : 'EXPIRED';
}
