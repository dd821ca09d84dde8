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

const shopZone = () => process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';

/** How far the shop's wall clock is ahead of UTC at `at`, in milliseconds. */
function shopOffset(at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: shopZone(), hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(at / 1000) * 1000;
}

/** A moment as the shop's wall clock shows it, `YYYY-MM-DDTHH:mm` (what a datetime-local field holds). */
export function toShopLocal(iso: string): string {
  const at = Date.parse(iso);
  return new Date(at + shopOffset(at)).toISOString().slice(0, 16);
}

/** The moment a shop wall-clock time (`YYYY-MM-DDTHH:mm`) names, as ISO; null for anything else. */
export function fromShopLocal(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const wall = Date.parse(`${local}:00Z`);
  if (!Number.isFinite(wall)) return null;
  // Twice: the offset at the guessed moment may differ across a daylight-saving change.
  const guess = wall - shopOffset(wall);
  return new Date(wall - shopOffset(guess)).toISOString();
}

/** The instant a day (YYYY-MM-DD) of the shop's calendar begins, as ISO: a coupon's window is whole shop days. */
export function shopDayStart(day: string): string {
  return fromShopLocal(`${day}T00:00`)!;
}

/** The shop's day (YYYY-MM-DD) an instant falls on. */
export function shopDayOf(iso: string): string {
  return toShopLocal(iso).slice(0, 10);
}

/** The day after a day (YYYY-MM-DD), on the calendar. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
