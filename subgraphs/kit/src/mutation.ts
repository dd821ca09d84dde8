import { TransactionRollbackError } from 'drizzle-orm';
import type { ChangeRecord, RequestBase } from './context.js';
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
 * Where a mutation runs: a request, whose audit row lists what the mutation
 * changed, or a bare pool (jobs, webhooks, tests), where nobody reads the list.
 */
export type MutationTarget = Db | Pick<RequestBase, 'db' | 'changes'>;

/**
 * Runs one mutation in one transaction and rolls it back when the service
 * reports userErrors, so a refused mutation never leaves a partial write.
 * A deadlock or serialization failure runs it again rather than reaching the client.
 *
 * `run` records what it changed in the list it is handed, a fresh one per
 * attempt; the request sees that list only once the transaction committed, so
 * a retried attempt is recorded once and a rolled-back one not at all.
 */
export async function mutate<R extends Result<unknown>>(
  target: MutationTarget,
  run: (tx: Db, changes: ChangeRecord[]) => Promise<R>,
): Promise<R> {
  const request = 'changes' in target ? target : null;
  const db = 'changes' in target ? target.db : target;
  for (let attempt = 1; ; attempt++) {
    let result: R | undefined;
    const changes: ChangeRecord[] = [];
    try {
      await db.transaction(async (tx) => {
        result = await run(tx, changes);
        if (!result.ok) tx.rollback();
      });
      request?.changes.push(...changes);
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
