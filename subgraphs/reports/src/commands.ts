// What the rest of the system may call in reports: rebuilding the roll-ups (`pnpm reports:rebuild`), running a report.
import type { Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { rebuildRollups } from './rollups/index.js';

/** A report as `report(input)` answers it, for callers outside the graph (benchmarks, exports). */
export { runReport } from './engine/index.js';

/** Orders' backfill of report facts (orders.publishReportFacts), queued by name like every cross-domain job. */
const PUBLISH_REPORT_FACTS_TASK = 'orders.publishReportFacts';

/**
 * Recomputes every roll-up from the facts and returns how many (day, currency)
 * pairs it recomputed. With `refacts`, first queues orders' backfill of every
 * order's and refund's fact: the worker (`pnpm start`) records them, and each
 * queues the roll-up of its day, so the roll-ups catch up as the facts arrive.
 */
export async function rebuildReports(db: Db, options: { refacts: boolean }): Promise<{ days: number }> {
  if (options.refacts) await enqueue(db, PUBLISH_REPORT_FACTS_TASK, {}, { jobKey: 'publishReportFacts' });
  return { days: await rebuildRollups(db) };
}
