// The signature on every delivery, and the check a partner runs on it (README "Partner webhooks" documents it).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ID_HEADER = 'Shop-Webhook-Id';
export const TIMESTAMP_HEADER = 'Shop-Webhook-Timestamp';
export const SIGNATURE_HEADER = 'Shop-Webhook-Signature';

/** A delivery older (or further ahead) than this is refused by the documented check as a possible replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** `v1=` and the hex HMAC-SHA256 of `${timestamp}.${body}` under the subscription's secret. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'MALFORMED' | 'SIGNATURE_MISMATCH' | 'TIMESTAMP_OUT_OF_WINDOW' };

/**
 * The partner's check, exactly as documented: recompute the signature over the raw body, compare in constant time,
 * refuse timestamps outside 5 minutes. (Deduplicating by the event id is the partner's last step.)
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | null | undefined; signature: string | null | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature?.startsWith('v1=') || !/^\d{1,12}$/.test(headers.timestamp ?? '')) return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'SIGNATURE_MISMATCH' };
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' };
  return { ok: true };
}
