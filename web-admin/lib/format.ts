/** Money as the API returns it: a decimal string and an ISO currency code. */
export interface Money {
  amount: string;
  currencyCode: string;
}

/** Formats money for display in the locale; the amount goes through Number for display only. */
export function formatMoney(money: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode }).format(
    Number(money.amount),
  );
}

/** Formats an ISO date-time in the locale (date and short time), on the clock of `timeZone` (the server's when absent). */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Formats an ISO date-time in the locale (date only), on the calendar of `timeZone` (the server's when absent). */
export function formatDate(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/**
 * The shop's IANA time zone (SHOP_TIME_ZONE, as the server's kit reads it; the console cannot
 * import server code): days people pick and see are the shop's days, wherever the viewer is.
 */
export function shopTimeZone(): string {
  return process.env.SHOP_TIME_ZONE || 'Asia/Bangkok';
}

/** Formats a count in the locale's digits. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
