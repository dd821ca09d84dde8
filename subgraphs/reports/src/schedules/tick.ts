// The schedule clock: a per-minute tick queues each due period's delivery once.
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';
import { shopWeekStartsOn } from './calendar.js';
import { latestRun, type ScheduleFrequency } from './periods.js';
import { reportDelivery, reportSchedule } from './tables.js';

export const TICK_TASK = 'reports.scheduleTick';
export const DELIVER_TASK = 'reports.deliverSchedule';

/**
 * For every enabled schedule, the latest run due at `now` gets its delivery row and a delivery job in one
 * transaction. The row is unique per (schedule, period) and the job keyed the same way, so a rerun tick, two
 * workers or a retried job never deliver a period twice. Runs due before the schedule existed are not delivered.
 * Answers how many deliveries were queued. `db` is the pool.
 */
export async function queueDueDeliveries(db: Db, now: Date = new Date(), weekStartsOn: number = shopWeekStartsOn()): Promise<number> {
  const schedules = await db.select().from(reportSchedule).where(and(eq(reportSchedule.enabled, true), lte(reportSchedule.createdAt, now)));
  let queued = 0;
  for (const schedule of schedules) {
    const run = latestRun({ frequency: schedule.frequency as ScheduleFrequency, at: schedule.at }, now, weekStartsOn);
    if (run.runAt < schedule.createdAt) continue;
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(reportDelivery)
        .values({ scheduleId: schedule.id, periodFrom: run.period.from, periodTo: run.period.to })
        .onConflictDoNothing()
        .returning({ id: reportDelivery.id });
      if (!created) return;
      await enqueue(tx, DELIVER_TASK, { deliveryId: created.id }, { jobKey: `report-delivery:${schedule.id}:${run.period.from}` });
      queued++;
    });
  }
  return queued;
}
