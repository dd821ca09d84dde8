// What the loaders batch of schedules: per saved report, and each schedule's last delivered period.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { reportDelivery, reportSchedule } from './tables.js';

/** Schedules of the given saved reports, oldest first (the loader's batch). */
export function schedulesBySavedReportIds(db: Db, ids: readonly string[]) {
  return db.select().from(reportSchedule).where(inArray(reportSchedule.savedReportId, [...ids])).orderBy(reportSchedule.createdAt);
}

/** The last delivered period of each schedule (the loader's batch). */
export function lastDeliveredPeriods(db: Db, scheduleIds: readonly string[]) {
  return db
    .selectDistinctOn([reportDelivery.scheduleId], { scheduleId: reportDelivery.scheduleId, from: reportDelivery.periodFrom, to: reportDelivery.periodTo })
    .from(reportDelivery)
    .where(and(inArray(reportDelivery.scheduleId, [...scheduleIds]), eq(reportDelivery.status, 'DELIVERED')))
    .orderBy(reportDelivery.scheduleId, desc(reportDelivery.periodFrom));
}
