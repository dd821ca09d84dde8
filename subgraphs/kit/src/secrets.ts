import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Readable prefixes: a leaked token says what it is, and the gateway routes bearer tokens on them. */
export const TOKEN_PREFIX = { session: 'sst_', stepUp: 'stu_', apiKey: 'spk_', customerSession: 'cst_', passwordReset: 'prt_' } as const;

/** A new opaque token: the prefix and 32 random bytes in base64url. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a token. sha256 suffices: a 256-bit random token
 * cannot be guessed from its hash, and a fast hash keeps the per-request lookup cheap.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Argon2id (the library's default) with OWASP's parameters: 19 MiB, 2 passes, 1 lane. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether the password matches the stored hash. With no hash (no such account)
 * it still spends one verification, so the response time does not tell an
 * unknown email from a wrong password.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await (dummyHash ??= hash('no account has this password')), password);
    return false;
  }
  return verify(storedHash, password);
}
