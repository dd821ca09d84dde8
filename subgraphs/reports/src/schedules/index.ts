// Scheduled delivery of saved reports: the clock, the tick that queues due periods, and the delivery itself.
export { addDays, shopDayOf, shopWeekStartsOn, type DayRange } from './calendar.js';
export { deliverPeriod, reportDropDir, reportWebhookSecret } from './deliver.js';
export { latestRun, nextRun } from './periods.js';
export { lastDeliveredPeriods, schedulesBySavedReportIds } from './reads.js';
export { deliveriesOf, nextRunAt, reportScheduleCreate, reportScheduleDelete, reportScheduleUpdate } from './service.js';
export { reportDelivery, reportSchedule, type ReportDeliveryRow, type ReportScheduleRow } from './tables.js';
export { DELIVER_TASK, queueDueDeliveries, TICK_TASK } from './tick.js';
