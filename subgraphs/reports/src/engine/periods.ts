// Shop-day arithmetic on YYYY-MM-DD strings (calendar days, no time zone involved), and comparison periods.
import type { ReportDimension } from '../catalog/index.js';

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromTime(toTime(day) + days * DAY_MS);
}

/** Days from `from` to `to`, both counted. */
export function dayCount(range: DayRange): number {
  return Math.round((toTime(range.to) - toTime(range.from)) / DAY_MS) + 1;
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** The range compared with: the equally long period just before, or the same days a year earlier. */
export function comparisonRange(range: DayRange, comparison: 'PREVIOUS_PERIOD' | 'PREVIOUS_YEAR'): DayRange {
  if (comparison === 'PREVIOUS_YEAR') return { from: yearEarlier(range.from), to: yearEarlier(range.to) };
  const length = dayCount(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The Monday of the ISO week a day falls in. */
export function weekOf(day: string): string {
  const weekday = (new Date(toTime(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The key of a time dimension for a day: the day, its week's Monday, or YYYY-MM. */
export function timeKey(dimension: 'DAY' | 'WEEK' | 'MONTH', day: string): string {
  return dimension === 'DAY' ? day : dimension === 'WEEK' ? weekOf(day) : day.slice(0, 7);
}

export function isTimeDimension(dimension: ReportDimension): dimension is 'DAY' | 'WEEK' | 'MONTH' {
  return dimension === 'DAY' || dimension === 'WEEK' || dimension === 'MONTH';
}

/** The keys of a time dimension a range covers, in order. */
export function timeKeys(dimension: 'DAY' | 'WEEK' | 'MONTH', range: DayRange): string[] {
  const keys: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const key = timeKey(dimension, day);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

/**
 * How a comparison row's time key maps to the report's: by position (the
 * first week of the previous period to the first week of the range).
 */
export function alignTimeKeys(dimension: 'DAY' | 'WEEK' | 'MONTH', range: DayRange, compared: DayRange): Map<string, string> {
  const ours = timeKeys(dimension, range);
  return new Map(timeKeys(dimension, compared).flatMap((key, index) => (index < ours.length ? [[key, ours[index]!] as const] : [])));
}
