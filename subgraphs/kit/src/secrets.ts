import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hash, verify } from '@node-rs/argon2';

/** Readable prefixes: a leaked token says what it is, and the gateway routes bearer tokens on them. */
export const TOKEN_PREFIX = { session: 'sst_', stepUp: 'stu_', apiKey: 'spk_', customerSession: 'cst_', passwordReset: 'prt_', webhookSecret: 'whsec_' } as const;

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

const localSecrets = new Map<string, string>();

/**
 * A process-wide secret: the environment variable when set, else one made on first use and kept in DATA_DIR,
 * so the gateway, every subgraph process and the worker read the same one.
 */
export function localSecret(envVar: string, fileName: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  const cached = localSecrets.get(fileName);
  if (cached) return cached;
  const dir = resolve(process.env.DATA_DIR ?? '.data');
  const path = join(dir, fileName);
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx': of two processes starting together, one writes and both read its secret.
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(path, 'utf8').trim();
  localSecrets.set(fileName, secret);
  return secret;
}

/**
 * Seals a secret the shop must use again in clear (a webhook signing secret): AES-256-GCM under a key derived
 * from `keyMaterial`, as `v1.<iv>.<tag>.<ciphertext>` in base64url. A database dump alone reveals nothing.
 */
export function sealSecret(plain: string, keyMaterial: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(keyMaterial), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The secret `sealSecret` sealed; throws when the text was changed or sealed under another key. */
export function openSecret(sealed: string, keyMaterial: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(keyMaterial), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

function sealingKey(keyMaterial: string): Buffer {
  return createHash('sha256').update(`seal:${keyMaterial}`).digest();
}
