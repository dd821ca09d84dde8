import { afterEach, describe, expect, test } from 'vitest';
import type { Schedule, SubgraphModule } from '../src/subgraph.js';
import { cronItemsOf, scheduledAt } from '../src/jobs.js';
import { dailyAtShopTime } from '../src/shop-time.js';

const zone = process.env.SHOP_TIME_ZONE;
afterEach(() => {
  if (zone === undefined) delete process.env.SHOP_TIME_ZONE;
  else process.env.SHOP_TIME_ZONE = zone;
});

describe('schedules', () => {
  test("a time of the shop's day becomes the UTC cron graphile-worker reads", () => {
    process.env.SHOP_TIME_ZONE = 'Asia/Bangkok';
    expect(dailyAtShopTime('00:05')).toBe('5 17 * * *');
    expect(dailyAtShopTime('10:30')).toBe('30 3 * * *');
    process.env.SHOP_TIME_ZONE = 'Asia/Kolkata';
    expect(dailyAtShopTime('00:00')).toBe('30 18 * * *');
    process.env.SHOP_TIME_ZONE = 'Europe/London';
    expect(dailyAtShopTime('02:00', new Date('2026-07-01T00:00:00Z'))).toBe('0 1 * * *');
    expect(dailyAtShopTime('02:00', new Date('2026-01-01T00:00:00Z'))).toBe('0 2 * * *');
  });

  test('each schedule becomes one cron item named by its task; a schedule of a task the domain lacks is refused', () => {
    const task = async () => {};
    const module = (schedules: Schedule[]) => ({ name: 'shop', tasks: { 'shop.daily': task }, schedules }) as unknown as SubgraphModule;
    expect(cronItemsOf([module([{ task: 'shop.daily', cron: '5 17 * * *' }])]).map((i) => [i.task, i.identifier])).toEqual([['shop.daily', 'shop.daily']]);
    expect(() => cronItemsOf([module([{ task: 'shop.nothing', cron: '0 0 * * *' }])])).toThrow(/shop\.nothing/);
    // A time of the shop's day is read in the zone when the items are made (the worker's start).
    process.env.SHOP_TIME_ZONE = 'Asia/Riyadh';
    const [daily] = cronItemsOf([module([{ task: 'shop.daily', atShopTime: '00:05' }])]);
    const at = (hour: number, min: number) => daily!.match({ min, hour, date: 1, month: 1, dow: 1 });
    expect([at(21, 5), at(17, 5)]).toEqual([true, false]);
  });

  test("a cron job's time comes from its payload; any other job runs as of now", () => {
    expect(scheduledAt({ _cron: { ts: '2026-03-14T17:05:00.000Z' } }).toISOString()).toBe('2026-03-14T17:05:00.000Z');
    expect(Math.abs(scheduledAt({}).getTime() - Date.now())).toBeLessThan(1000);
  });
});
