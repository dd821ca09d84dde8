import { currentShopSettings } from './shop-settings.js';

/**
 * The shop's own calendar. Days people pick and reports count (a follow-up day, a birthday
 * month, a day's sales) are days in the shop's time zone, not in UTC or the server's zone:
 * in Bangkok "today" starts at 17:00 UTC the day before. The zone and the fiscal week come
 * from the shop settings (shop-settings.ts), which follow a change within seconds; every
 * function takes an explicit zone too, for tests and for callers holding one.
 */
export function shopTimeZone(): string {
  return currentShopSettings().timeZone;
}

/** ISO weekday the shop's fiscal week starts on: 1 = Monday … 7 = Sunday. */
export function shopWeekStartsOn(): number {
  return currentShopSettings().weekStartsOn;
}

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at `at`, as numbers. */
function wallOf(at: Date, timeZone: string) {
  let format = wallClock.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    wallClock.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at `at`, in minutes (Bangkok: 420). */
function offsetMinutes(at: Date, timeZone: string): number {
  const w = wallOf(at, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * A UTC cron pattern (graphile-worker's) for every day at `time` ("HH:MM") in
 * the shop's zone, at the zone's offset when called (the worker's start). In a
 * zone with daylight saving, or after the shop's zone changed, the run keeps the
 * old hour until the worker's next start; daily tasks are keyed by the shop's
 * date, so that never makes one run twice.
 */
export function dailyAtShopTime(time: string, now: Date = new Date(), timeZone: string = shopTimeZone()): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const utc = (((hour * 60 + minute - offsetMinutes(now, timeZone)) % 1440) + 1440) % 1440;
  return `${utc % 60} ${Math.floor(utc / 60)} * * *`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The shop day (YYYY-MM-DD) an instant falls on. */
export function shopDayOf(at: Date, timeZone: string = shopTimeZone()): string {
  const w = wallOf(at, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Today's date (YYYY-MM-DD) in the shop's time zone. */
export function shopToday(now: Date = new Date(), timeZone: string = shopTimeZone()): string {
  return shopDayOf(now, timeZone);
}

/** The day `n` days after (before, when negative) a YYYY-MM-DD day: calendar arithmetic, no zone involved. */
export function addShopDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/**
 * The instant a shop day (YYYY-MM-DD) begins, 00:00 on the shop's clock. Where a
 * daylight-saving jump skips midnight, the day begins at the first minute that exists.
 */
export function shopDayStart(day: string, timeZone: string = shopTimeZone()): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST edges).
  const guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  const instant = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // A skipped midnight lands on the previous day: the day then begins at the jump.
  return shopDayOf(new Date(instant), timeZone) < day ? new Date(guess) : new Date(instant);
}

/** The instant a shop day ends, exclusive: the start of the next day (a day is 23 or 25 hours across DST). */
export function shopDayEnd(day: string, timeZone: string = shopTimeZone()): Date {
  return shopDayStart(addShopDays(day, 1), timeZone);
}

/** The first day (YYYY-MM-DD) of the fiscal week `day` is in, the week starting on `weekStartsOn` (1 = Monday … 7 = Sunday). */
export function shopWeekStart(day: string = shopToday(), weekStartsOn: number = shopWeekStartsOn()): string {
  const isoWeekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addShopDays(day, -((isoWeekday - weekStartsOn + 7) % 7));
}

/** The first day (YYYY-MM-DD) of the month `day` is in. */
export function shopMonthStart(day: string = shopToday()): string {
  return `${day.slice(0, 7)}-01`;
}

/** Whether `zone` is an IANA zone name this runtime knows (Asia/Bangkok, UTC); offsets such as "+07:00" are not. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant a shop wall-clock time ("HH:MM") on a shop day (YYYY-MM-DD) happens, as UTC. */
export function shopLocalTimeToUtc(day: string, time: string, timeZone: string = shopTimeZone()): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // The offset at the guess, then at the corrected instant: right on both sides of a daylight-saving change.
  const guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - offsetMinutes(new Date(guess), timeZone) * 60_000);
}
