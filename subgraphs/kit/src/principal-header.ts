import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Principal } from './context.js';
import type { NonceStore } from './nonce-store.js';

/**
 * How the gateway tells a subgraph who is calling (distributed mode): the
 * resolved principal and client, signed with HMAC-SHA256 over the envelope, a
 * timestamp, a single-use nonce, the request id and everything in the body that
 * changes what runs (query, variables, operation name, extensions). Subgraphs
 * trust nothing else, and accept each signature once.
 */
export const PRINCIPAL_HEADER = 'x-shop-principal';
export const SIGNATURE_HEADER = 'x-shop-signature';
export const TIMESTAMP_HEADER = 'x-shop-timestamp';
export const NONCE_HEADER = 'x-shop-nonce';
export const REQUEST_ID_HEADER = 'x-request-id';

/** Signed headers older (or newer) than this are refused; a nonce is remembered as long. */
export const MAX_CLOCK_SKEW_MS = 60_000;

export interface CallerEnvelope {
  principal: Principal;
  clientAddress: string | null;
  userAgent: string | null;
}

/** The fields of a GraphQL request body that Apollo Server acts on. */
export interface SignedOperation {
  query: string;
  variables?: unknown;
  operationName?: string | null;
  extensions?: unknown;
}

export function operationHash(operation: SignedOperation): string {
  const { query, variables, operationName, extensions } = operation;
  // One JSON array: no field can be shifted into its neighbour.
  const canonical = JSON.stringify([query, variables ?? null, operationName ?? null, extensions ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

interface Signed {
  envelope: string;
  timestamp: string;
  nonce: string;
  requestId: string;
  operation: SignedOperation;
}

function mac(secret: string, signed: Signed): Buffer {
  const parts = [signed.envelope, signed.timestamp, signed.nonce, signed.requestId, operationHash(signed.operation)];
  // base64url, digits and hex never contain '\n'; the request id is refused if it does.
  return createHmac('sha256', secret).update(parts.join('\n')).digest();
}

export function signCaller(
  secret: string,
  caller: CallerEnvelope,
  operation: SignedOperation,
  requestId: string,
  now = Date.now(),
): Record<string, string> {
  const signed: Signed = {
    envelope: Buffer.from(JSON.stringify(caller)).toString('base64url'),
    timestamp: String(now),
    nonce: randomBytes(18).toString('base64url'),
    requestId,
    operation,
  };
  return {
    [PRINCIPAL_HEADER]: signed.envelope,
    [TIMESTAMP_HEADER]: signed.timestamp,
    [NONCE_HEADER]: signed.nonce,
    [REQUEST_ID_HEADER]: requestId,
    [SIGNATURE_HEADER]: mac(secret, signed).toString('base64url'),
  };
}

export type VerifyFailure = 'MISSING' | 'FORGED' | 'EXPIRED' | 'REPLAYED' | 'NONCE_STORE_FULL';
export type VerifyResult = { ok: true; caller: CallerEnvelope; requestId: string } | { ok: false; reason: VerifyFailure };

/**
 * Checks, in this order, that the headers are present, that the signature
 * covers exactly this request, that it is within the clock skew, and that its
 * nonce was never used (claiming it). A forged request never reaches the nonce
 * store, so only the gateway can fill it.
 */
export function verifyCaller(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  operation: SignedOperation,
  nonces: NonceStore,
  now = Date.now(),
): VerifyResult {
  const envelope = headers[PRINCIPAL_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  const nonce = headers[NONCE_HEADER];
  const requestId = headers[REQUEST_ID_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (
    typeof envelope !== 'string' ||
    typeof timestamp !== 'string' ||
    typeof nonce !== 'string' ||
    typeof requestId !== 'string' ||
    typeof signature !== 'string' ||
    !nonce ||
    requestId.includes('\n')
  ) {
    return { ok: false, reason: 'MISSING' };
  }
  const expected = mac(secret, { envelope, timestamp, nonce, requestId, operation });
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'FORGED' };
  const signedAt = Number(timestamp);
  if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'EXPIRED' };
  const claim = nonces.claim(nonce, signedAt + MAX_CLOCK_SKEW_MS, now);
  if (claim !== 'claimed') return { ok: false, reason: claim === 'used' ? 'REPLAYED' : 'NONCE_STORE_FULL' };
  const caller = JSON.parse(Buffer.from(envelope, 'base64url').toString('utf8')) as CallerEnvelope;
  return { ok: true, caller: { ...caller, principal: caller.principal ?? ANONYMOUS }, requestId };
}

/** The signing secret: GATEWAY_SIGNING_SECRET (pnpm start generates one for the embedded default). */
export function signingSecret(): string {
  const secret = process.env.GATEWAY_SIGNING_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('GATEWAY_SIGNING_SECRET must be set (at least 32 characters) in distributed mode');
  }
  return secret;
}
