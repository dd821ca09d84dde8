import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from './db.js';
import type { Result } from './result.js';

/** Deadlock and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code && RETRYABLE.has(e.code)) return true;
  }
  return false;
}

/**
 * Runs one mutation in one transaction and rolls it back when the service
 * reports userErrors, so a refused mutation never leaves a partial write.
 * A deadlock or serialization failure runs it again rather than reaching the client.
 */
export async function mutate<R extends Result<unknown>>(db: Db, run: (tx: Db) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    let result: R | undefined;
    try {
      await db.transaction(async (tx) => {
        result = await run(tx);
        if (!result.ok) tx.rollback();
      });
      return result!;
    } catch (error) {
      if (error instanceof TransactionRollbackError) return result!;
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

/** A service result as a payload: the mapped value and no userErrors, or only userErrors. */
export function payload<T, E, P extends object>(
  result: { ok: true; value: T } | { ok: false; errors: E[] },
  map: (value: T) => P,
) {
  return result.ok ? { ...map(result.value), userErrors: [] } : { userErrors: result.errors };
}
