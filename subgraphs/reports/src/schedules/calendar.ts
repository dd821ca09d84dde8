// Shop-day arithmetic for schedules, presets and alerts: days are YYYY-MM-DD strings in the shop's calendar, so
// adding a day is calendar arithmetic and never depends on the server's zone or a daylight-saving change.
import { shopLocalTimeToUtc, shopToday } from '@shop/kit/shop-time';

/** A range of shop days, both ends inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** ISO weekday of the shop's fiscal week start, 1 = Monday … 7 = Sunday: SHOP_WEEK_STARTS_ON, else Monday. */
export function shopWeekStartsOn(): number {
  const configured = Number(process.env.SHOP_WEEK_STARTS_ON);
  return Number.isInteger(configured) && configured >= 1 && configured <= 7 ? configured : 1;
}

const toUtcMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtcMidnight = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromUtcMidnight(toUtcMidnight(day) + days * 86_400_000);
}

/** ISO weekday of a calendar day, 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return new Date(toUtcMidnight(day)).getUTCDay() || 7;
}

/** The first day of the fiscal week holding `day`. */
export function weekStart(day: string, weekStartsOn: number): string {
  return addDays(day, -((isoWeekday(day) - weekStartsOn + 7) % 7));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` after the one holding `day` (negative: before). */
export function shiftMonth(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return fromUtcMidnight(Date.UTC(year, month - 1 + months, 1));
}

export function shopDayOf(at: Date): string {
  return shopToday(at);
}

/** The instant a shop wall-clock time on a shop day happens. */
export const shopInstant = shopLocalTimeToUtc;
