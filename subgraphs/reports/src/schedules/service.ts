// Setting schedules up: validation of the clock and the target, and what the console reads of them.
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { changeOf, fail, isId, ok, scopesOf, type ChangeRecord, type Db, type Principal, type Result } from '@shop/kit';
import { savedReportsByIds } from '../saved-reports/visibility.js';
import { shopWeekStartsOn } from './calendar.js';
import type { ScheduleDelivery } from './periods.js';
import { nextRun, type ScheduleFrequency } from './periods.js';
import { reportDelivery, reportSchedule, type ReportScheduleRow } from './tables.js';

export type ScheduleErrorCode = 'NOT_FOUND' | 'TIME_INVALID' | 'TARGET_INVALID';

/** The scopes a report run may need: reports:read, marketing:read for marketing spend, members:read for member tiers. */
const REPORT_SCOPES = ['reports:read', 'marketing:read', 'members:read'];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A folder name: letters, digits, dot, dash, underscore and space, not starting with a dot (no "..", no path). */
const FOLDER = /^[\p{L}\p{N}_-][\p{L}\p{N} ._-]{0,63}$/u;

/** Whether a target suits its delivery: a mailbox, a folder name under REPORT_DROP_DIR, or an https URL. */
function targetFits(delivery: ScheduleDelivery, target: string): boolean {
  switch (delivery) {
    case 'EMAIL':
      return z.email().max(254).safeParse(target).success;
    case 'FILE_DROP':
      return FOLDER.test(target);
    case 'WEBHOOK':
      return z.url({ protocol: /^https$/ }).max(2000).safeParse(target).success;
  }
}

export interface ScheduleInput {
  frequency?: ScheduleFrequency | null;
  at?: string | null;
  delivery?: ScheduleDelivery | null;
  target?: string | null;
  format?: 'CSV' | 'XLSX' | null;
  enabled?: boolean | null;
}

function checked(values: Required<Pick<ScheduleInput, 'at' | 'delivery' | 'target'>>): Result<null, ScheduleErrorCode> {
  if (!TIME.test(values.at ?? '')) return fail('TIME_INVALID', 'The time is HH:MM, 00:00 to 23:59.', ['at']);
  if (!targetFits(values.delivery!, values.target ?? '')) {
    return fail('TARGET_INVALID', 'The target must be a mailbox for EMAIL, a folder name for FILE_DROP, an https URL for WEBHOOK.', ['target']);
  }
  return ok(null);
}

/** A schedule of a saved report the staff principal sees. `tx` is the mutation's transaction. */
export async function reportScheduleCreate(
  tx: Db,
  principal: Principal,
  input: Required<Omit<ScheduleInput, 'enabled'>> & { savedReportId: string },
): Promise<Result<ReportScheduleRow, ScheduleErrorCode>> {
  const [report] = principal.kind === 'staff' && isId(input.savedReportId) ? await savedReportsByIds(tx, principal, [input.savedReportId]) : [];
  if (!report || principal.kind !== 'staff') return fail('NOT_FOUND', 'No saved report you may see has this id.', ['savedReportId']);
  const valid = checked({ at: input.at!, delivery: input.delivery!, target: input.target!.trim() });
  if (!valid.ok) return valid;
  const [row] = await tx
    .insert(reportSchedule)
    .values({
      savedReportId: report.id, frequency: input.frequency!, at: input.at!, delivery: input.delivery!, target: input.target!.trim(), format: input.format!,
      createdBy: principal.staffId, runScopes: scopesOf(principal).filter((s) => REPORT_SCOPES.includes(s)),
    })
    .returning();
  return ok(row!);
}

/** The schedule when the principal sees its saved report. */
async function visibleSchedule(tx: Db, principal: Principal, id: string): Promise<ReportScheduleRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select().from(reportSchedule).where(eq(reportSchedule.id, id));
  if (!row) return null;
  const [report] = await savedReportsByIds(tx, principal, [row.savedReportId]);
  return report ? row : null;
}

/** Changes what the input gives; records the change for the audit row. */
export async function reportScheduleUpdate(
  tx: Db,
  principal: Principal,
  input: ScheduleInput & { id: string },
  changes: ChangeRecord[],
): Promise<Result<ReportScheduleRow, ScheduleErrorCode>> {
  const before = await visibleSchedule(tx, principal, input.id);
  if (!before) return fail('NOT_FOUND', 'No schedule you may see has this id.', ['id']);
  const next = {
    frequency: input.frequency ?? before.frequency,
    at: input.at ?? before.at,
    delivery: (input.delivery ?? before.delivery) as ScheduleDelivery,
    target: input.target?.trim() ?? before.target,
    format: input.format ?? before.format,
    enabled: input.enabled ?? before.enabled,
  };
  const valid = checked(next);
  if (!valid.ok) return valid;
  const [after] = await tx.update(reportSchedule).set({ ...next, updatedAt: new Date() }).where(eq(reportSchedule.id, before.id)).returning();
  const change = changeOf('ReportSchedule', before.id, before, after!);
  if (change) changes.push(change);
  return ok(after!);
}

export async function reportScheduleDelete(tx: Db, principal: Principal, input: { id: string }): Promise<Result<string, ScheduleErrorCode>> {
  const found = await visibleSchedule(tx, principal, input.id);
  if (!found) return fail('NOT_FOUND', 'No schedule you may see has this id.', ['id']);
  await tx.delete(reportSchedule).where(eq(reportSchedule.id, found.id));
  return ok(found.id);
}

/** A schedule's newest deliveries. */
export function deliveriesOf(db: Db, scheduleId: string, first: number) {
  return db.select().from(reportDelivery).where(eq(reportDelivery.scheduleId, scheduleId)).orderBy(desc(reportDelivery.periodFrom)).limit(first);
}

/** When the schedule runs next, in the shop's time zone. */
export function nextRunAt(schedule: ReportScheduleRow, now: Date = new Date()): Date {
  return nextRun({ frequency: schedule.frequency as ScheduleFrequency, at: schedule.at }, now, shopWeekStartsOn()).runAt;
}

