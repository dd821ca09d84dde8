// Short-lived signed download links of finished exports (GET /exports/members/privacy/<id>.json on the gateway).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signingSecret } from '@shop/kit/principal-header';

/** How long a link works; the console asks for a fresh one each time it shows the request. */
export const EXPORT_LINK_TTL_MS = 15 * 60_000;

const signatureOf = (requestId: string, expires: number) =>
  createHmac('sha256', signingSecret()).update(`privacy-export\n${requestId}\n${expires}`).digest('base64url');

/** The gateway path of an export's file, signed and valid for EXPORT_LINK_TTL_MS. */
export function exportDownloadPath(requestId: string, now: number = Date.now()): string {
  const expires = now + EXPORT_LINK_TTL_MS;
  return `/exports/members/privacy/${requestId}.json?expires=${expires}&signature=${signatureOf(requestId, expires)}`;
}

/** Whether a link's expiry and signature are the ones exportDownloadPath gave for this request, and still valid. */
export function exportLinkValid(requestId: string, expires: string | null, signature: string | null, now: number = Date.now()): 'VALID' | 'EXPIRED' | 'FORGED' {
  const at = Number(expires);
  if (!expires || !signature || !Number.isSafeInteger(at)) return 'FORGED';
  const given = Buffer.from(signature, 'base64url');
  const expected = Buffer.from(signatureOf(requestId, at), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'FORGED';
  return at > now ? 'VALID' : 'EXPIRED';
}
