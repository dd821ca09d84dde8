import { describe, expect, it } from 'vitest';
import {
  addShopDays,
  isTimeZone,
  shopDayEnd,
  shopDayOf,
  shopDayStart,
  shopMonthStart,
  shopToday,
  shopWeekStart,
} from '../src/shop-time.js';

const at = (iso: string) => new Date(iso);

describe('shop days across zones', () => {
  it.each([
    // zone, an instant, its shop day, where that day starts and ends in UTC
    ['Asia/Bangkok', '2026-03-01T16:59:59Z', '2026-03-01', '2026-02-28T17:00:00.000Z', '2026-03-01T17:00:00.000Z'],
    ['Asia/Bangkok', '2026-03-01T17:00:00Z', '2026-03-02', '2026-03-01T17:00:00.000Z', '2026-03-02T17:00:00.000Z'],
    ['Asia/Shanghai', '2026-12-31T16:00:00Z', '2027-01-01', '2026-12-31T16:00:00.000Z', '2027-01-01T16:00:00.000Z'],
    ['Asia/Shanghai', '2026-12-31T15:59:59Z', '2026-12-31', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['Asia/Riyadh', '2026-06-30T21:00:00Z', '2026-07-01', '2026-06-30T21:00:00.000Z', '2026-07-01T21:00:00.000Z'],
    ['Asia/Riyadh', '2026-06-30T20:59:00Z', '2026-06-30', '2026-06-29T21:00:00.000Z', '2026-06-30T21:00:00.000Z'],
    ['UTC', '2026-06-30T23:59:59Z', '2026-06-30', '2026-06-30T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
  ])('%s: %s is shop day %s, from %s to %s', (zone, instant, day, start, end) => {
    expect(shopToday(at(instant), zone)).toBe(day);
    expect(shopDayOf(at(instant), zone)).toBe(day);
    expect(shopDayStart(day, zone).toISOString()).toBe(start);
    expect(shopDayEnd(day, zone).toISOString()).toBe(end);
  });

  it('a London day across the clock change lasts 23 or 25 hours, and starts at local midnight either side', () => {
    const hours = (day: string) => (shopDayEnd(day, 'Europe/London').getTime() - shopDayStart(day, 'Europe/London').getTime()) / 3_600_000;
    expect(shopDayStart('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(hours('2026-03-29')).toBe(23);
    expect(shopDayStart('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(hours('2026-10-25')).toBe(25);
    expect(shopDayStart('2026-10-26', 'Europe/London').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(shopDayOf(at('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-02');
  });

  it('where the clock skips midnight (Santiago), the day starts at the first minute that exists', () => {
    expect(shopDayStart('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(shopDayOf(shopDayStart('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06');
  });

  it('one instant is a different shop day in Riyadh, Bangkok and Shanghai', () => {
    const instant = at('2026-05-10T16:30:00Z');
    expect([shopToday(instant, 'Asia/Riyadh'), shopToday(instant, 'Asia/Bangkok'), shopToday(instant, 'Asia/Shanghai')]).toEqual([
      '2026-05-10',
      '2026-05-10',
      '2026-05-11',
    ]);
  });
});

describe('fiscal weeks and months', () => {
  // 2026-12-09 is a Wednesday.
  it.each([
    [1, '2026-12-07'],
    [3, '2026-12-09'],
    [4, '2026-12-03'],
    [6, '2026-12-05'],
    [7, '2026-12-06'],
  ])('a week starting on ISO weekday %i holds Wednesday 2026-12-09 from %s', (weekStartsOn, start) => {
    expect(shopWeekStart('2026-12-09', weekStartsOn)).toBe(start);
    for (let n = 0; n < 7; n++) expect(shopWeekStart(addShopDays(start, n), weekStartsOn)).toBe(start);
    expect(shopWeekStart(addShopDays(start, 7), weekStartsOn)).toBe(addShopDays(start, 7));
  });

  it('a week crosses the year; a month starts on its first day', () => {
    expect(shopWeekStart('2027-01-01', 1)).toBe('2026-12-28');
    expect(shopMonthStart('2026-02-28')).toBe('2026-02-01');
    expect(addShopDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addShopDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('time zone names', () => {
  it.each(['Asia/Bangkok', 'Asia/Shanghai', 'Asia/Riyadh', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+7'])(
    '%s is a zone',
    (zone) => expect(isTimeZone(zone)).toBe(true),
  );
  it.each(['Asia/Bangkokk', '+07:00', 'GMT+7 ', '', 'Mars/Olympus', 'asia/../etc', "Asia/Bangkok'; drop"])('%j is not', (zone) =>
    expect(isTimeZone(zone)).toBe(false),
  );
});
