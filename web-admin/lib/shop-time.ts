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

/** The instant a day (YYYY-MM-DD) of the shop's calendar begins, as ISO: a coupon's window is whole shop days. Server-side only. */
export function shopDayStart(day: string): string {
  const timeZone = process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';
  const guess = new Date(`${day}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(guess)
      .map((p) => [p.type, Number(p.value)]),
  );
  const offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - guess.getTime();
  return new Date(guess.getTime() - offset).toISOString();
}

/** The shop's day (YYYY-MM-DD) an instant falls on. */
export function shopDayOf(iso: string): string {
  return shopToday(new Date(iso));
}

/** The day after a day (YYYY-MM-DD), on the calendar. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
