/**
 * The shop's own calendar. Dates people pick (a follow-up day, a birthday
 * month) are days in the shop's time zone, not in UTC or the server's zone:
 * in Bangkok a follow-up "today" starts at 17:00 UTC the day before.
 */
export function shopTimeZone(): string {
  return process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';
}

/** Today's date (YYYY-MM-DD) in the shop's time zone. */
export function shopToday(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: shopTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
