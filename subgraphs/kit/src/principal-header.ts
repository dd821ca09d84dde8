import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Principal } from './context.js';

/**
 * How the gateway tells a subgraph who is calling (distributed mode, design
 * trap 8): the resolved principal and client, signed with HMAC-SHA256 over the
 * envelope, a timestamp and a hash of the operation. Subgraphs trust nothing else.
 */
export const PRINCIPAL_HEADER = 'x-shop-principal';
export const SIGNATURE_HEADER = 'x-shop-signature';
export const TIMESTAMP_HEADER = 'x-shop-timestamp';

/** Signed headers older (or newer) than this are refused. */
export const MAX_CLOCK_SKEW_MS = 60_000;

export interface CallerEnvelope {
  principal: Principal;
  clientAddress: string | null;
  userAgent: string | null;
}

export function operationHash(query: string, variables: unknown): string {
  return createHash('sha256').update(query).update('\0').update(JSON.stringify(variables ?? {})).digest('hex');
}

function mac(secret: string, envelope: string, timestamp: string, opHash: string): Buffer {
  return createHmac('sha256', secret).update(`${envelope}.${timestamp}.${opHash}`).digest();
}

export function signCaller(
  secret: string,
  caller: CallerEnvelope,
  query: string,
  variables: unknown,
  now = Date.now(),
): Record<string, string> {
  const envelope = Buffer.from(JSON.stringify(caller)).toString('base64url');
  const timestamp = String(now);
  return {
    [PRINCIPAL_HEADER]: envelope,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: mac(secret, envelope, timestamp, operationHash(query, variables)).toString('base64url'),
  };
}

export type VerifyResult = { ok: true; caller: CallerEnvelope } | { ok: false; reason: 'MISSING' | 'FORGED' | 'EXPIRED' };

export function verifyCaller(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  query: string,
  variables: unknown,
  now = Date.now(),
): VerifyResult {
  const envelope = headers[PRINCIPAL_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof envelope !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') {
    return { ok: false, reason: 'MISSING' };
  }
  const expected = mac(secret, envelope, timestamp, operationHash(query, variables));
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'FORGED' };
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'EXPIRED' };
  const caller = JSON.parse(Buffer.from(envelope, 'base64url').toString('utf8')) as CallerEnvelope;
  return { ok: true, caller: { ...caller, principal: caller.principal ?? ANONYMOUS } };
}

/** The signing secret: GATEWAY_SIGNING_SECRET (pnpm start generates one for the embedded default). */
export function signingSecret(): string {
  const secret = process.env.GATEWAY_SIGNING_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('GATEWAY_SIGNING_SECRET must be set (at least 32 characters) in distributed mode');
  }
  return secret;
}
