/** The builder's range presets (ReportRangePreset), in the order the picker lists them. */
export const RANGE_PRESETS = [
  'TODAY',
  'YESTERDAY',
  'LAST_7_DAYS',
  'LAST_30_DAYS',
  'THIS_WEEK',
  'LAST_WEEK',
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_YEAR',
  'LAST_YEAR',
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A range of shop days (YYYY-MM-DD), both ends included, as the report API takes it. */
export interface DayRange {
  from: string;
  to: string;
}

const dayMs = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The day `days` after (or before, when negative) a calendar day. */
export function addDays(day: string, days: number): string {
  return toDay(msOf(day) + days * dayMs);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
function isoWeekday(day: string): number {
  return ((new Date(msOf(day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The shop days a preset covers on the day `today` (the shop's today, never the browser's):
 * weeks start on the shop's fiscal week start (1 = Monday … 7 = Sunday).
 */
export function presetRange(preset: RangePreset, today: string, weekStartsOn = 1): DayRange {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const weekStart = addDays(today, -((isoWeekday(today) - weekStartsOn + 7) % 7));
  const monthStart = toDay(Date.UTC(year, month - 1, 1));
  switch (preset) {
    case 'TODAY':
      return { from: today, to: today };
    case 'YESTERDAY':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'LAST_7_DAYS':
      return { from: addDays(today, -6), to: today };
    case 'LAST_30_DAYS':
      return { from: addDays(today, -29), to: today };
    case 'THIS_WEEK':
      return { from: weekStart, to: today };
    case 'LAST_WEEK':
      return { from: addDays(weekStart, -7), to: addDays(weekStart, -1) };
    case 'THIS_MONTH':
      return { from: monthStart, to: today };
    case 'LAST_MONTH':
      return { from: toDay(Date.UTC(year, month - 2, 1)), to: addDays(monthStart, -1) };
    case 'THIS_YEAR':
      return { from: `${year}-01-01`, to: today };
    case 'LAST_YEAR':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}
