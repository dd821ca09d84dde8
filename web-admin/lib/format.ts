/** Money as the API returns it: a decimal string and an ISO currency code. */
export interface Money {
  amount: string;
  currencyCode: string;
}

/**
 * How the shop shows dates (its settings, lib/shop-settings.ts): every date and time on the shop's
 * clock, whatever the server's or the viewer's zone, in the calendar the shop chose for the language.
 */
export interface ShopCalendar {
  /** IANA zone of the shop's clock. */
  timeZone: string;
  /** Thai dates in the Buddhist era. */
  buddhistEra: boolean;
  /** Arabic dates in the Hijri (Umm al-Qura) calendar. */
  hijri: boolean;
}

/**
 * The locale tag that carries the shop's calendar: Thai in the Buddhist era unless the shop turned
 * it off (Gregorian otherwise), Arabic in the Hijri calendar when turned on (Gregorian otherwise).
 */
export function calendarLocale(locale: string, calendar: Pick<ShopCalendar, 'buddhistEra' | 'hijri'>): string {
  if (locale === 'th') return calendar.buddhistEra ? 'th-TH-u-ca-buddhist' : 'th-TH-u-ca-gregory';
  if (locale === 'ar') return calendar.hijri ? 'ar-SA-u-ca-islamic-umalqura' : 'ar-u-ca-gregory';
  return locale;
}

/** Formats money for display in the locale; the amount goes through Number for display only. */
export function formatMoney(money: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode }).format(
    Number(money.amount),
  );
}

/** A date-time formatter on the shop's clock and calendar (for pages that format many values). */
export function shopDateTimeFormat(
  locale: string,
  shop: ShopCalendar,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(calendarLocale(locale, shop), { ...options, timeZone: shop.timeZone });
}

/** Formats an ISO date-time in the locale (date and short time), on the shop's clock and calendar. */
export function formatDateTime(iso: string, locale: string, shop: ShopCalendar): string {
  return shopDateTimeFormat(locale, shop).format(new Date(iso));
}

/** Formats an ISO date-time in the locale (date only), on the shop's calendar. */
export function formatDate(iso: string, locale: string, shop: ShopCalendar): string {
  return shopDateTimeFormat(locale, shop, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) in the locale's words and the shop's calendar; the day itself, never shifted by a zone. */
export function formatDay(day: string, locale: string, shop: Pick<ShopCalendar, 'buddhistEra' | 'hijri'>): string {
  return new Intl.DateTimeFormat(calendarLocale(locale, shop), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Formats a count in the locale's digits. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
