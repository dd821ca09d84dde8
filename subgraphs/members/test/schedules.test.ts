import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cronItemsOf } from '@shop/kit/jobs';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { readOutbox, useTestOutbox } from '../../../tests/kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { members } from '../src/index.js';
import { BIRTHDAY_POINTS, REEVALUATE_TIERS, birthdayPointsTask, grantBirthdayPoints } from '../src/loyalty/index.js';
import { pointsBalancesOf } from '../src/loyalty/service.js';
import { pointsEntry } from '../src/loyalty/tables.js';
import { NOTIFY_TASK } from '../src/notifications/index.js';
import { memberStatistics } from '../src/statistics/index.js';
import { memberConsent } from '../src/tables.js';
import { WIN_BACK, lapsedMembers, winBackKey } from '../src/win-back/index.js';
import { insertMembers, makeMember } from './factories.js';

const outbox = useTestOutbox();

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const balance = async (memberId: string) => (await pointsBalancesOf(database.db, [memberId]))[0]!;
/** A cron run's payload as graphile-worker hands it to the task. */
const cronPayload = (ts: string) => ({ _cron: { ts, backfilled: false } });
/** Runs a member task registered in index.ts, as the worker would. */
const runTask = (task: string, payload: unknown) => members.tasks[task]!(payload, database.db);

interface NotifyPayload {
  memberId: string;
  template: string;
  params: Record<string, string | number>;
  idempotencyKey: string;
}
/** The members.notify jobs waiting for one member. */
const notifyJobsOf = async (memberId: string) =>
  (await queuedJobs(database.db, NOTIFY_TASK)).map((j) => j.payload as NotifyPayload).filter((p) => p.memberId === memberId);
/** What the worker does after a job succeeded: it is gone from the queue. */
const completeJob = (key: string) => database.db.execute(sql`delete from graphile_worker._private_jobs where key = ${`notify:${key}`}`);

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

test('members schedules birthday points, expiry, tier re-evaluation, recommendations and win-back daily and segments hourly, each as graphile-worker cron item', () => {
  expect(cronItemsOf([members]).map((i) => i.identifier).sort()).toEqual([
    'members.birthdayPoints', 'members.expirePoints', 'members.recomputeRecommendations', 'members.reevaluateTiers', 'members.refreshSegments', 'members.winBack',
  ]);
});

describe('scheduled jobs notify members once', () => {
  test('the birthday job enqueues one birthday message with the points given; running it again the same day adds none', async () => {
    const [born] = await insertMembers(database.db, [makeMember({ birthday: '1985-07-04' })]);
    // 00:05 on 4 July in Bangkok.
    const run = cronPayload('2026-07-03T17:05:00Z');
    await runTask(BIRTHDAY_POINTS, run);
    await runTask(BIRTHDAY_POINTS, run);
    expect(await notifyJobsOf(born!.id)).toEqual([
      { memberId: born!.id, template: 'birthday', params: { points: 100 }, idempotencyKey: `birthday:${born!.id}:2026` },
    ]);
  });

  test('a tier change enqueues one tierChange message keyed by member, tier and shop date; it is sent in the member locale, and a rerun adds none', async () => {
    const [climber] = await insertMembers(database.db, [makeMember({ locale: 'zh-TW' })]);
    // 02:00 on 1 May in Bangkok; 15 000.00 THB of spend this year reaches SILVER under the default rules.
    const run = cronPayload('2026-04-30T19:00:00Z');
    await database.db.insert(pointsEntry).values({
      memberId: climber!.id, delta: 15_000, reason: 'ORDER_EARN', sourceKind: 'ORDER', sourceId: randomUUID(), basisMinor: 1_500_000n, createdAt: new Date('2026-04-20T00:00:00Z'),
    });
    await runTask(REEVALUATE_TIERS, run);
    await runTask(REEVALUATE_TIERS, run);
    const jobs = await notifyJobsOf(climber!.id);
    expect(jobs).toEqual([{ memberId: climber!.id, template: 'tierChange', params: { tier: 'SILVER' }, idempotencyKey: `tier:${climber!.id}:SILVER:2026-05-01` }]);

    const before = readOutbox(outbox).length;
    await runTask(NOTIFY_TASK, jobs[0]);
    expect(readOutbox(outbox).slice(before)).toMatchObject([{ channel: 'email', to: climber!.email, subject: '您的會員等級已變更' }]);
  });

  test('the win-back job enqueues one winBack message per lapse: a rerun adds none, also after it was sent; a new order that lapses again gets a new one', async () => {
    const [lapsed] = await insertMembers(database.db, [makeMember()]);
    await database.db.insert(memberConsent).values({ memberId: lapsed!.id, channel: 'EMAIL', granted: true });
    const lastOrderAt = new Date('2026-01-10T05:00:00Z');
    await database.db.insert(memberStatistics).values({
      memberId: lapsed!.id, currencyCode: 'THB', ordersCount: 1, totalSpentMinor: 50_000n, averageOrderMinor: 50_000n, firstOrderAt: lastOrderAt, lastOrderAt,
    });
    // 10:00 on 1 June in Bangkok: more than 90 days after the last order.
    const run = cronPayload('2026-06-01T03:00:00Z');
    await runTask(WIN_BACK, run);
    await runTask(WIN_BACK, run);
    const key = `winBack:${lapsed!.id}:${lastOrderAt.toISOString()}`;
    const jobs = await notifyJobsOf(lapsed!.id);
    expect(jobs).toEqual([{ memberId: lapsed!.id, template: 'winBack', params: {}, idempotencyKey: key }]);

    const before = readOutbox(outbox).length;
    await runTask(NOTIFY_TASK, jobs[0]);
    await completeJob(key);
    expect(readOutbox(outbox).slice(before)).toMatchObject([{ channel: 'email', to: lapsed!.email, subject: 'We miss you' }]);
    await runTask(WIN_BACK, cronPayload('2026-06-02T03:00:00Z'));
    expect(await notifyJobsOf(lapsed!.id)).toEqual([]);

    // An order in June, then three quiet months: a new lapse, a new message.
    const nextOrderAt = new Date('2026-06-15T05:00:00Z');
    await database.db.update(memberStatistics).set({ ordersCount: 2, lastOrderAt: nextOrderAt }).where(sql`${memberStatistics.memberId} = ${lapsed!.id}`);
    await runTask(WIN_BACK, cronPayload('2026-09-20T03:00:00Z'));
    expect((await notifyJobsOf(lapsed!.id)).map((p) => p.idempotencyKey)).toEqual([`winBack:${lapsed!.id}:${nextOrderAt.toISOString()}`]);
  });
});

describe('win-back', () => {
  test("a member whose last counted order (newest over currencies in member_statistics) is older than the settings' 90 days is lapsed, keyed by that order; a newer order ends the lapse", async () => {
    const [lapsed, recent, never] = await insertMembers(database.db, [makeMember(), makeMember(), makeMember()]);
    const now = new Date('2026-06-01T03:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const statistics = (memberId: string, currencyCode: string, lastOrderAt: Date) =>
      database.db.insert(memberStatistics).values({
        memberId, currencyCode, ordersCount: 1, totalSpentMinor: 1_000n, averageOrderMinor: 1_000n, firstOrderAt: at(300), lastOrderAt,
      });
    await statistics(lapsed!.id, 'THB', at(200));
    await statistics(lapsed!.id, 'USD', at(91));
    await statistics(recent!.id, 'THB', at(200));
    await statistics(recent!.id, 'USD', at(10));
    const due = (await lapsedMembers(database.db, now)).filter((l) => [lapsed!.id, recent!.id, never!.id].includes(l.memberId));
    expect(due).toEqual([{ memberId: lapsed!.id, lastOrderAt: at(91) }]);
    expect(winBackKey(due[0]!)).toBe(`winBack:${lapsed!.id}:${at(91).toISOString()}`);
  });
});
