import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cronItemsOf } from '@shop/kit/jobs';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { members } from '../src/index.js';
import { birthdayPointsTask, grantBirthdayPoints } from '../src/loyalty/index.js';
import { pointsBalancesOf } from '../src/loyalty/service.js';
import { pointsEntry } from '../src/loyalty/tables.js';
import { lapsedMembers, winBackKey } from '../src/win-back/index.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const balance = async (memberId: string) => (await pointsBalancesOf(database.db, [memberId]))[0]!;
/** A cron run's payload as graphile-worker hands it to the task. */
const cronPayload = (ts: string) => ({ _cron: { ts, backfilled: false } });

describe('birthday points (shop time zone Asia/Bangkok)', () => {
  test("a member gets the settings' 100 points on their birthday in the shop's calendar, once a year however often the job runs", async () => {
    const [born, archived, tomorrow] = await insertMembers(database.db, [
      makeMember({ birthday: '1990-03-15' }),
      makeMember({ birthday: '1991-03-15', archivedAt: new Date() }),
      makeMember({ birthday: '1992-03-16' }),
    ]);
    // 23:00 on 14 March in Bangkok: not yet.
    expect(await grantBirthdayPoints(database.db, new Date('2026-03-14T16:00:00Z'))).toBe(0);
    // 00:05 on 15 March in Bangkok is 17:05 UTC on the 14th.
    expect(await grantBirthdayPoints(database.db, new Date('2026-03-14T17:05:00Z'))).toBe(1);
    await birthdayPointsTask(cronPayload('2026-03-14T17:05:00Z'), database.db);
    await birthdayPointsTask(cronPayload('2026-03-15T10:00:00Z'), database.db);
    expect(await balance(born!.id)).toBe(100);
    expect(await balance(archived!.id)).toBe(0);
    expect(await balance(tomorrow!.id)).toBe(0);
    // The next year gives again.
    await birthdayPointsTask(cronPayload('2027-03-14T17:05:00Z'), database.db);
    expect(await balance(born!.id)).toBe(200);
  });

  test('a 29 February birthday is kept on the 28th in a year without one, and on the 29th in a leap year', async () => {
    const [leapling] = await insertMembers(database.db, [makeMember({ birthday: '2000-02-29' })]);
    await birthdayPointsTask(cronPayload('2027-02-27T17:05:00Z'), database.db);
    expect(await balance(leapling!.id)).toBe(100);
    await birthdayPointsTask(cronPayload('2028-02-27T17:05:00Z'), database.db);
    expect(await balance(leapling!.id)).toBe(100);
    await birthdayPointsTask(cronPayload('2028-02-28T17:05:00Z'), database.db);
    expect(await balance(leapling!.id)).toBe(200);
  });
});

test('members schedules birthday points, expiry and tier re-evaluation daily, each as graphile-worker cron item', () => {
  expect(cronItemsOf([members]).map((i) => i.identifier).sort()).toEqual(['members.birthdayPoints', 'members.expirePoints', 'members.reevaluateTiers']);
});

describe('win-back', () => {
  test('a member whose last order activity is older than the settings\' 90 days is lapsed, keyed by that activity; a newer order ends the lapse', async () => {
    const [lapsed, recent, never] = await insertMembers(database.db, [makeMember(), makeMember(), makeMember()]);
    const now = new Date('2026-06-01T03:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const earn = (memberId: string, orderId: string, createdAt: Date) =>
      database.db.insert(pointsEntry).values({ memberId, delta: 10, reason: 'ORDER_EARN', sourceKind: 'ORDER', sourceId: orderId, createdAt });
    await earn(lapsed!.id, randomUUID(), at(200));
    await earn(lapsed!.id, randomUUID(), at(91));
    await earn(recent!.id, randomUUID(), at(200));
    await earn(recent!.id, randomUUID(), at(10));
    const due = (await lapsedMembers(database.db, now)).filter((l) => [lapsed!.id, recent!.id, never!.id].includes(l.memberId));
    expect(due).toEqual([{ memberId: lapsed!.id, lastOrderAt: at(91) }]);
    expect(winBackKey(due[0]!)).toBe(`winBack:${lapsed!.id}:${at(91).toISOString()}`);
  });
});
