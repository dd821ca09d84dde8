/**
 * The shop's calendar, as the server keeps it (subgraphs/kit/src/shop-time.ts; the console may
 * not import the subgraphs): days people pick, such as a follow-up day, are days in the shop's
 * time zone (SHOP_TIME_ZONE), not the browser's. Server-side only: it reads the environment.
 */
export function shopToday(now: Date = new Date()): string {
  const timeZone = process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar day (YYYY-MM-DD) in the locale's words; the day itself, never shifted by a time zone. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
