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

/** Minutes the shop's zone is ahead of UTC at `instant`. */
function shopOffsetMinutes(instant: Date): number {
  const timeZone = process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** A wall-clock time in the shop's zone ("2026-12-24T18:00", as a datetime-local input gives it) as an ISO instant; null when malformed. */
export function shopLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // The zone's offset at the guessed instant, then again at the corrected one (a DST change in between).
  let instant = wall - shopOffsetMinutes(new Date(wall)) * 60_000;
  instant = wall - shopOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** An ISO instant as the shop's wall-clock time for a datetime-local input ("2026-12-24T18:00"). */
export function isoToShopLocal(iso: string): string {
  const instant = new Date(iso);
  return new Date(instant.getTime() + shopOffsetMinutes(instant) * 60_000).toISOString().slice(0, 16);
}
