import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

let cached: string | undefined;

/**
 * The secret the sandbox gateway signs its webhooks with: SANDBOX_WEBHOOK_SECRET,
 * or one made on first use and kept in DATA_DIR (beside the gateway's signing
 * secret), so the gateway and every subgraph process read the same one.
 */
export function sandboxWebhookSecret(): string {
  if (process.env.SANDBOX_WEBHOOK_SECRET) return process.env.SANDBOX_WEBHOOK_SECRET;
  if (cached) return cached;
  const dir = resolve(process.env.DATA_DIR ?? '.data');
  const path = join(dir, 'sandbox-webhook-secret');
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx': of two processes starting together, one writes and both read its secret.
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (cached = readFileSync(path, 'utf8').trim());
}
