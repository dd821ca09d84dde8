import { describe, expect, it } from 'vitest';

// The console's own modules, through the `@/` alias of tests/vitest.config.ts (the root tsconfig does not type-check web-admin).
type Calendar = { timeZone: string; buddhistEra: boolean; hijri: boolean };
const { calendarLocale, formatDate, formatDateTime, formatDay } = (await import(/* @vite-ignore */ '@/lib/format' as string)) as {
  calendarLocale(locale: string, calendar: Omit<Calendar, 'timeZone'>): string;
  formatDate(iso: string, locale: string, shop: Calendar): string;
  formatDateTime(iso: string, locale: string, shop: Calendar): string;
  formatDay(day: string, locale: string, shop: Omit<Calendar, 'timeZone'>): string;
};
const { shopDayStart, shopToday } = (await import(/* @vite-ignore */ '@/lib/shop-time' as string)) as {
  shopDayStart(day: string, timeZone: string): string;
  shopToday(timeZone: string, now?: Date): string;
};

// The console's formatters: the shop's clock, whatever the server's zone, and the calendar the shop chose.
const at = '2026-12-31T18:30:00Z';
const shop = (timeZone: string, calendars: { buddhistEra?: boolean; hijri?: boolean } = {}) => ({
  timeZone,
  buddhistEra: calendars.buddhistEra ?? true,
  hijri: calendars.hijri ?? false,
});

describe('console dates on the shop clock and calendar', () => {
  it('one instant is a different day and hour in Riyadh, Bangkok and Shanghai', () => {
    expect(formatDateTime(at, 'en', shop('Asia/Riyadh'))).toBe('Dec 31, 2026, 9:30 PM');
    expect(formatDateTime(at, 'en', shop('Asia/Bangkok'))).toBe('Jan 1, 2027, 1:30 AM');
    expect(formatDate(at, 'en', shop('Asia/Shanghai'))).toBe('Jan 1, 2027');
  });

  it('Thai writes the Buddhist era unless the shop turned it off', () => {
    expect(formatDate(at, 'th', shop('Asia/Bangkok'))).toContain('2570');
    expect(formatDate(at, 'th', shop('Asia/Bangkok', { buddhistEra: false }))).toContain('2027');
    expect(formatDay('2026-05-01', 'th', shop('UTC'))).toContain('2569');
  });

  it('Arabic writes the Gregorian calendar unless the shop turned Hijri on', () => {
    expect(calendarLocale('ar', { buddhistEra: true, hijri: false })).toBe('ar-u-ca-gregory');
    expect(calendarLocale('ar', { buddhistEra: true, hijri: true })).toBe('ar-SA-u-ca-islamic-umalqura');
    const gregorian = new Intl.DateTimeFormat('ar-u-ca-gregory', { year: 'numeric', numberingSystem: 'latn' }).resolvedOptions();
    expect(gregorian.calendar).toBe('gregory');
    const hijri = new Intl.DateTimeFormat(calendarLocale('ar', { buddhistEra: true, hijri: true })).resolvedOptions();
    expect(hijri.calendar).toBe('islamic-umalqura');
    expect(formatDate(at, 'ar', shop('Asia/Riyadh', { hijri: true }))).not.toBe(formatDate(at, 'ar', shop('Asia/Riyadh')));
    expect(calendarLocale('zh-CN', { buddhistEra: true, hijri: true })).toBe('zh-CN');
  });

  it("the shop's today and day start follow the zone given", () => {
    const now = new Date(at);
    expect(shopToday('Asia/Riyadh', now)).toBe('2026-12-31');
    expect(shopToday('Asia/Bangkok', now)).toBe('2027-01-01');
    expect(shopDayStart('2027-01-01', 'Asia/Shanghai')).toBe('2026-12-31T16:00:00.000Z');
  });
});
