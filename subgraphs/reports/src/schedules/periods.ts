// When a schedule runs and which period each run delivers: a run on a period's first following day at HH:MM shop time
// delivers that whole period (yesterday, last fiscal week, last month), so every period is delivered by exactly one run.
import { addDays, isoWeekday, monthStart, shiftMonth, shopDayOf, shopInstant, type DayRange } from './calendar.js';

export const SCHEDULE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

/** How a schedule delivers its file. */
export type ScheduleDelivery = 'EMAIL' | 'FILE_DROP' | 'WEBHOOK';

export interface ScheduleClock {
  frequency: ScheduleFrequency;
  /** HH:MM in the shop's time zone. */
  at: string;
}

/** Whether a schedule runs on this shop day: every day, the fiscal week's first day, or the 1st of the month. */
function runsOn(frequency: ScheduleFrequency, day: string, weekStartsOn: number): boolean {
  if (frequency === 'DAILY') return true;
  if (frequency === 'WEEKLY') return isoWeekday(day) === weekStartsOn;
  return day.endsWith('-01');
}

/** The period a run on `runDay` delivers: the day, fiscal week or month that ended the day before. */
export function periodDeliveredOn(frequency: ScheduleFrequency, runDay: string): DayRange {
  const to = addDays(runDay, -1);
  if (frequency === 'DAILY') return { from: to, to };
  if (frequency === 'WEEKLY') return { from: addDays(runDay, -7), to };
  return { from: shiftMonth(runDay, -1), to: addDays(monthStart(runDay), -1) };
}

export interface ScheduledRun {
  runAt: Date;
  period: DayRange;
}

/** Runs are at most a month apart: looking 32 days either way always finds one. */
const SEARCH_DAYS = 32;

/** The latest run due at or before `now`. */
export function latestRun(clock: ScheduleClock, now: Date, weekStartsOn: number): ScheduledRun {
  for (let day = shopDayOf(now), step = 0; step <= SEARCH_DAYS; day = addDays(day, -1), step++) {
    const runAt = shopInstant(day, clock.at);
    if (runsOn(clock.frequency, day, weekStartsOn) && runAt <= now) return { runAt, period: periodDeliveredOn(clock.frequency, day) };
  }
  throw new Error(`no ${clock.frequency} run found before ${now.toISOString()}`);
}

/** The first run after `now`. */
export function nextRun(clock: ScheduleClock, now: Date, weekStartsOn: number): ScheduledRun {
  for (let day = shopDayOf(now), step = 0; step <= SEARCH_DAYS; day = addDays(day, 1), step++) {
    const runAt = shopInstant(day, clock.at);
    if (runsOn(clock.frequency, day, weekStartsOn) && runAt > now) return { runAt, period: periodDeliveredOn(clock.frequency, day) };
  }
  throw new Error(`no ${clock.frequency} run found after ${now.toISOString()}`);
}
