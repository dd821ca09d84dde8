// The short-lived signed link of a print (GET /documents/<printId>.pdf on the gateway).
import { signedLinks, type LinkCheck } from '@shop/kit/signed-links';

/** How long a link works; printing again gives a fresh one. */
export const DOCUMENT_LINK_TTL_MS = 15 * 60_000;

const links = signedLinks('documents', DOCUMENT_LINK_TTL_MS);

/** The gateway path of a print's PDF, signed and valid for DOCUMENT_LINK_TTL_MS. */
export function documentDownloadPath(printId: string, now: number = Date.now()): { path: string; expiresAt: Date } {
  const { query, expiresAt } = links.sign(printId, now);
  return { path: `/documents/${printId}.pdf?${query}`, expiresAt };
}

/** Whether a link's expiry and signature are the ones documentDownloadPath gave for this print, and still valid. */
export function documentLinkValid(printId: string, expires: string | null, signature: string | null, now: number = Date.now()): LinkCheck {
  return links.check(printId, expires, signature, now);
}
