// Short-lived signed download links of finished exports (GET /exports/members/privacy/<id>.json on the gateway).
import { signedLinks, type LinkCheck } from '@shop/kit/signed-links';

/** How long a link works; the console asks for a fresh one each time it shows the request. */
export const EXPORT_LINK_TTL_MS = 15 * 60_000;

const links = signedLinks('privacy-export', EXPORT_LINK_TTL_MS);

/** The gateway path of an export's file, signed and valid for EXPORT_LINK_TTL_MS. */
export function exportDownloadPath(requestId: string, now: number = Date.now()): string {
  return `/exports/members/privacy/${requestId}.json?${links.sign(requestId, now).query}`;
}

/** Whether a link's expiry and signature are the ones exportDownloadPath gave for this request, and still valid. */
export function exportLinkValid(requestId: string, expires: string | null, signature: string | null, now: number = Date.now()): LinkCheck {
  return links.check(requestId, expires, signature, now);
}
