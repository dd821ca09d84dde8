// Asking for a quality evaluation from inside a business transaction.
import type { Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';

export const EVALUATE_QUALITY_TASK = 'orders.evaluateQualityAlerts';

/** How long a queued evaluation waits, so a burst of returns (a batch receipt) is evaluated once. */
const COALESCE_MS = 60_000;

/**
 * Asks for an evaluation soon, in the caller's transaction (after-sales calls it when a request is opened or
 * received; a rule change calls it too): one pending job at a time, whatever the number of callers, and a burst
 * does not push it back. The periodic schedule covers the rest.
 */
export async function queueQualityEvaluation(tx: Db): Promise<void> {
  await enqueue(tx, EVALUATE_QUALITY_TASK, {}, { jobKey: EVALUATE_QUALITY_TASK, jobKeyMode: 'preserve_run_at', runAt: new Date(Date.now() + COALESCE_MS) });
}
