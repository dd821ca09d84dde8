// Shop-day arithmetic for schedules, presets and alerts: the kit's calendar (days are YYYY-MM-DD strings in the
// shop's calendar, the zone and fiscal week from the shop settings), plus the two steps only reports needs.
import { addShopDays, shopDayOf, shopLocalTimeToUtc, shopMonthStart, shopWeekStart, shopWeekStartsOn } from '@shop/kit/shop-time';

export { shopDayOf, shopWeekStartsOn };
export const addDays = addShopDays;
export const monthStart = shopMonthStart;
/** The first day of the fiscal week holding `day`. */
export const weekStart = (day: string, weekStartsOn: number): string => shopWeekStart(day, weekStartsOn);
/** The instant a shop wall-clock time on a shop day happens. */
export const shopInstant = shopLocalTimeToUtc;

/** A range of shop days, both ends inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** ISO weekday of a calendar day, 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The first day of the month `months` after the one holding `day` (negative: before). */
export function shiftMonth(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}
