// Range presets resolved to shop days at run time: "last month" is the shop's last month when the report runs.
import { addDays, monthStart, shiftMonth, shopDayOf, shopWeekStartsOn, weekStart, type DayRange } from '../schedules/calendar.js';

export const RANGE_PRESETS = [
  'TODAY', 'YESTERDAY', 'LAST_7_DAYS', 'LAST_30_DAYS', 'THIS_WEEK', 'LAST_WEEK', 'THIS_MONTH', 'LAST_MONTH', 'THIS_YEAR', 'LAST_YEAR',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The shop days a preset covers at `now`. "Last N days" are whole days ending yesterday; "this …" ends today. */
export function resolvePreset(preset: RangePreset, now: Date, weekStartsOn: number = shopWeekStartsOn()): DayRange {
  const today = shopDayOf(now);
  const yesterday = addDays(today, -1);
  switch (preset) {
    case 'TODAY':
      return { from: today, to: today };
    case 'YESTERDAY':
      return { from: yesterday, to: yesterday };
    case 'LAST_7_DAYS':
      return { from: addDays(today, -7), to: yesterday };
    case 'LAST_30_DAYS':
      return { from: addDays(today, -30), to: yesterday };
    case 'THIS_WEEK':
      return { from: weekStart(today, weekStartsOn), to: today };
    case 'LAST_WEEK': {
      const from = addDays(weekStart(today, weekStartsOn), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'THIS_MONTH':
      return { from: monthStart(today), to: today };
    case 'LAST_MONTH':
      return { from: shiftMonth(today, -1), to: addDays(monthStart(today), -1) };
    case 'THIS_YEAR':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'LAST_YEAR': {
      const year = Number(today.slice(0, 4)) - 1;
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    }
  }
}
