/**
 * The shop's own calendar. Dates people pick (a follow-up day, a birthday
 * month) are days in the shop's time zone, not in UTC or the server's zone:
 * in Bangkok a follow-up "today" starts at 17:00 UTC the day before.
 */
export function shopTimeZone(): string {
  return process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';
}

/** The shop zone's offset from UTC at `at`, in minutes (Bangkok: 420). */
function shopOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: shopTimeZone(), hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * A UTC cron pattern (graphile-worker's) for every day at `time` ("HH:MM") in
 * the shop's zone, at the zone's offset when called (the worker's start). In a
 * zone with daylight saving the run moves by an hour until the next start;
 * daily tasks are keyed by the shop's date, so that never makes one run twice.
 */
export function dailyAtShopTime(time: string, now: Date = new Date()): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const utc = (((hour * 60 + minute - shopOffsetMinutes(now)) % 1440) + 1440) % 1440;
  return `${utc % 60} ${Math.floor(utc / 60)} * * *`;
}

/** Today's date (YYYY-MM-DD) in the shop's time zone. */
export function shopToday(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: shopTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The instant a shop wall-clock time ("HH:MM") on a shop day (YYYY-MM-DD) happens, as UTC. */
export function shopLocalTimeToUtc(day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // The offset at the guess, then at the corrected instant: right on both sides of a daylight-saving change.
  const guess = wall - shopOffsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - shopOffsetMinutes(new Date(guess)) * 60_000);
}
