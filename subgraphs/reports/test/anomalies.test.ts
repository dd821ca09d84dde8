import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { anomalyAlert, anomalyAlertAcknowledge, anomalyRule, evaluateDay, notifyAnomaly, NOTIFY_TASK } from '../src/anomalies/index.js';
import { median, robustDeviation } from '../src/anomalies/robust.js';
import { addDays } from '../src/schedules/calendar.js';
import { DEFAULT_ANOMALY_RULES } from '../src/seed.js';
import { salesRollup } from '../src/tables.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(anomalyRule);
  await database.db.delete(salesRollup);
  await database.db.execute('delete from graphile_worker._private_jobs');
  await database.db.insert(anomalyRule).values(DEFAULT_ANOMALY_RULES.map((rule) => ({ ...rule, currencyCode: 'THB' })));
});

/** A deterministic pseudo-random stream (mulberry32): the same "noise" every run. */
function noise(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST_DAY = '2026-03-31';
const DAYS = 12 * 7;

/**
 * Daily sales over 12 weeks: weekends sell 1.5× weekdays, each day ±8% around it; orders follow with their own noise;
 * refunds a few hundred baht most days. `change` rewrites a day's figures.
 */
async function seedHistory(change: Record<string, { gmvFactor?: number; refundMinor?: bigint }> = {}) {
  const random = noise(42);
  const rows = Array.from({ length: DAYS }, (_, i) => {
    const day = addDays(LAST_DAY, -i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? 15_000_000 : 10_000_000;
    const gmv = base * (0.92 + 0.16 * random()) * (change[day]?.gmvFactor ?? 1);
    return {
      day, currencyCode: 'THB', channel: 'ONLINE_STORE',
      orders: Math.round((base / 50_000) * (0.92 + 0.16 * random()) * (change[day]?.gmvFactor ?? 1)),
      gmvMinor: BigInt(Math.round(gmv)), couponMinor: 0n, promotionMinor: 0n, newMembers: 0, refunds: 1,
      refundMinor: change[day]?.refundMinor ?? BigInt(Math.round(30_000 * random())),
    };
  });
  await database.db.insert(salesRollup).values(rows);
}

describe('robust deviation', () => {
  test('median of odd and even histories', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('a flat history measures in the floor, not a zero MAD', () => {
    expect(robustDeviation(95, [100, 100, 100, 100], { relative: 0.1, absolute: 0 })).toEqual({ baseline: 100, spread: 10, deviation: -0.5 });
    expect(robustDeviation(0, [0, 0, 0], { relative: 0.1, absolute: 0 })).toBeNull();
  });
});

describe('daily evaluation', () => {
  test('a history with normal noise raises no alert on any of its last four weeks', async () => {
    await seedHistory();
    let raised = 0;
    for (let i = 0; i < 28; i++) raised += await evaluateDay(database.db, addDays(LAST_DAY, -i));
    expect(raised).toBe(0);
    expect(await database.db.select().from(anomalyAlert)).toHaveLength(0);
  });

  test('a seeded sales drop raises one alert and one notification per rule it breaks (GMV, orders); evaluating again raises none', async () => {
    const dropDay = '2026-03-25';
    await seedHistory({ [dropDay]: { gmvFactor: 0.45 } });
    let raised = 0;
    for (let i = 0; i < 28; i++) raised += await evaluateDay(database.db, addDays(LAST_DAY, -i));
    expect(raised).toBe(2);
    const alerts = await database.db.select().from(anomalyAlert);
    // GMV and orders both fell: one alert per rule and day.
    expect(alerts.map((a) => [a.metric, a.day, a.direction, a.status]).sort()).toEqual([
      ['GMV', dropDay, 'DROP', 'OPEN'],
      ['ORDERS', dropDay, 'DROP', 'OPEN'],
    ]);
    const gmv = alerts.find((a) => a.metric === 'GMV')!;
    expect(Number(gmv.value)).toBeLessThan(Number(gmv.baseline) * 0.5);
    expect(gmv.deviation).toBeLessThan(-3.5);

    expect(await evaluateDay(database.db, dropDay)).toBe(0);
    expect(await Promise.all([evaluateDay(database.db, dropDay), evaluateDay(database.db, dropDay)])).toEqual([0, 0]);
    expect(await database.db.select().from(anomalyAlert)).toHaveLength(2);
    expect(await queuedJobs(database.db, NOTIFY_TASK)).toHaveLength(2);
  });

  test('a seeded GMV drop under the GMV rule raises exactly one alert over four weeks of evaluations', async () => {
    await database.db.update(anomalyRule).set({ enabled: false });
    await database.db.update(anomalyRule).set({ enabled: true }).where(eq(anomalyRule.metric, 'GMV'));
    const dropDay = '2026-03-25';
    await seedHistory({ [dropDay]: { gmvFactor: 0.45 } });
    let raised = 0;
    for (let i = 0; i < 28; i++) raised += await evaluateDay(database.db, addDays(LAST_DAY, -i));
    expect(raised).toBe(1);
  });

  test('refunds spiking above a quiet history alert; the floor keeps one ordinary refund from alerting', async () => {
    await seedHistory({ '2026-03-30': { refundMinor: 2_000_000n }, '2026-03-31': { refundMinor: 60_000n } });
    expect(await evaluateDay(database.db, '2026-03-30')).toBe(1);
    expect(await evaluateDay(database.db, '2026-03-31')).toBe(0);
    const [alert] = await database.db.select().from(anomalyAlert);
    expect(alert).toMatchObject({ metric: 'REFUNDS', direction: 'SPIKE', day: '2026-03-30', value: '20000.00' });
  });
});

describe('alerts after they are raised', () => {
  test('the notification is an e-mail in the configured language to the configured mailbox', async () => {
    await seedHistory({ '2026-03-25': { gmvFactor: 0.45 } });
    await evaluateDay(database.db, '2026-03-25');
    const outbox = join(await mkdtemp(join(tmpdir(), 'alerts-')), 'outbox.jsonl');
    process.env.NOTIFY_OUTBOX_FILE = outbox;
    process.env.REPORT_ALERT_EMAIL = 'owner@shop.example';
    process.env.REPORT_MAIL_LOCALE = 'zh-TW';
    const [gmv] = (await database.db.select().from(anomalyAlert)).filter((a) => a.metric === 'GMV');
    await notifyAnomaly(database.db, gmv!.id);
    const [mail] = (await readFile(outbox, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(mail).toMatchObject({ channel: 'email', to: 'owner@shop.example', subject: '警示：2026-03-25 GMV異常下降' });
    expect(mail.text).toContain(gmv!.baseline);
  });

  test('acknowledging keeps who and the note once; a second acknowledgement is refused', async () => {
    await seedHistory({ '2026-03-25': { gmvFactor: 0.45 } });
    await evaluateDay(database.db, '2026-03-25');
    const [alert] = await database.db.select().from(anomalyAlert);
    const staff: Principal = { kind: 'staff', staffId: '5f7c1d8e-0000-4000-8000-000000000001', sessionId: 's', roles: ['analyst'], scopes: ['reports:read', 'reports:write'], stepUpUntil: null };
    const first = await anomalyAlertAcknowledge(database.db, staff, { id: alert!.id, note: ' Payment outage 14:00–17:00 ' });
    expect(first).toMatchObject({ ok: true, value: { status: 'ACKNOWLEDGED', acknowledgedBy: '5f7c1d8e-0000-4000-8000-000000000001', note: 'Payment outage 14:00–17:00' } });
    const again = await anomalyAlertAcknowledge(database.db, staff, { id: alert!.id, note: null });
    expect(again).toMatchObject({ ok: false, errors: [{ code: 'ALREADY_ACKNOWLEDGED', field: ['id'] }] });
    expect(await anomalyAlertAcknowledge(database.db, staff, { id: 'not-an-id' })).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
    expect(await anomalyAlertAcknowledge(database.db, staff, { id: alert!.id, note: 'x'.repeat(2001) })).toMatchObject({ ok: false, errors: [{ code: 'NOTE_INVALID' }] });
  });
});
