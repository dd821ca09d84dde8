// Per-request batch loaders of reports: saved reports (row rule: the caller's own or shared with their roles) and schedules.
import { groupLoader, rowLoader, type Db, type RequestBase } from '@shop/kit';
import { savedReportsByIds } from './saved-reports/visibility.js';
import { lastDeliveredPeriods, schedulesBySavedReportIds } from './schedules/reads.js';

export function createLoaders(db: Db, request: RequestBase) {
  return {
    savedReportById: rowLoader((ids: readonly string[]) => savedReportsByIds(db, request.principal, ids), (row) => row.id),
    schedulesBySavedReportId: groupLoader((ids: readonly string[]) => schedulesBySavedReportIds(db, ids), (row) => row.savedReportId),
    lastDeliveredPeriodByScheduleId: rowLoader((ids: readonly string[]) => lastDeliveredPeriods(db, ids), (row) => row.scheduleId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
