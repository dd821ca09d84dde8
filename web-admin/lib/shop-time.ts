/**
 * The shop's calendar in the console: days people pick (a follow-up day, a coupon's last day) and
 * wall-clock times they type are the shop's (its zone, from lib/shop-settings.ts), not the browser's
 * or the server's. Pure (Intl only, lib/zoned-time.ts), so it runs in the browser too.
 */
import { instantOfWallTime, wallTimeOf } from './zoned-time';

/** Today's date (YYYY-MM-DD) on the shop's calendar. */
export function shopToday(timeZone: string, now: Date = new Date()): string {
  return wallTimeOf(now, timeZone).slice(0, 10);
}

/** A moment as the shop's wall clock shows it, `YYYY-MM-DDTHH:mm` (what a datetime-local field holds). */
export function toShopLocal(iso: string, timeZone: string): string {
  return wallTimeOf(new Date(iso), timeZone);
}

/** The moment a shop wall-clock time (`YYYY-MM-DDTHH:mm`) names, as ISO; null for anything else. */
export function fromShopLocal(local: string, timeZone: string): string | null {
  return instantOfWallTime(local, timeZone);
}

/** The instant a day (YYYY-MM-DD) of the shop's calendar begins, as ISO: a coupon's window is whole shop days. */
export function shopDayStart(day: string, timeZone: string): string {
  return instantOfWallTime(`${day}T00:00`, timeZone)!;
}

/** The shop's day (YYYY-MM-DD) an instant falls on. */
export function shopDayOf(iso: string, timeZone: string): string {
  return toShopLocal(iso, timeZone).slice(0, 10);
}

/** The day after a day (YYYY-MM-DD), on the calendar. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
