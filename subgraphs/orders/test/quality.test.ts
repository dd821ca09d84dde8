import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ChangeRecord } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { orders } from '../src/index.js';
import { EVALUATE_QUALITY_TASK, evaluateQualityAlerts, qualityAlert, qualitySettings } from '../src/quality/index.js';
import { acknowledgeQualityAlert, productReturnStats } from '../src/quality/service.js';
import { loadQualityRule, updateQualityRule } from '../src/quality/settings.js';
import { returnSold, shipProduct } from './quality-fixtures.js';

let database: TestDatabase;
const staffId = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(qualitySettings);
});

const alertsOf = (productId: string) => database.db.select().from(qualityAlert).where(eq(qualityAlert.productId, productId));

/** 40 units of a new product shipped in four orders of 10, two per lot; returns `defects` units of the first order. */
async function productWithDefects(defects: number, lots: [string | null, string | null] = [null, null]) {
  const productId = randomUUID();
  const sold = [];
  for (let i = 0; i < 4; i++) sold.push(await shipProduct(database.db, { productId, units: 10, lotCode: lots[i % 2] }));
  if (defects) await returnSold(database.db, sold[0]!, { quantity: defects });
  return { productId, sold };
}

describe('quality alerts (default rule: 5% of at least 20 units in 30 days)', () => {
  test('defect returns at or below the rate raise no alert', async () => {
    const { productId } = await productWithDefects(2); // 2 of 40 = 5%: not above
    await evaluateQualityAlerts(database.db);
    expect(await alertsOf(productId)).toHaveLength(0);
  });

  test('defect returns above the rate raise exactly one alert, however often and concurrently it is evaluated', async () => {
    const { productId, sold } = await productWithDefects(3); // 3 of 40 = 7.5%
    const raised = await Promise.all(Array.from({ length: 6 }, () => evaluateQualityAlerts(database.db)));
    await evaluateQualityAlerts(database.db);
    const alerts = await alertsOf(productId);
    expect(alerts).toHaveLength(1);
    expect(raised.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(alerts[0]).toMatchObject({ lotCode: null, status: 'OPEN', defectUnits: 3, shippedUnits: 40, rateBp: 750, thresholdBp: 500 });
    expect(alerts[0]!.orderIds).toEqual([sold[0]!.orderId]);
  });

  test('an open alert is refreshed, not raised again, when more defects come in', async () => {
    const { productId, sold } = await productWithDefects(3);
    await evaluateQualityAlerts(database.db);
    await returnSold(database.db, sold[1]!, { quantity: 2, reason: 'NOT_AS_DESCRIBED' });
    expect(await evaluateQualityAlerts(database.db)).toBe(0);
    const alerts = await alertsOf(productId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ defectUnits: 5, rateBp: 1250 });
    expect(new Set(alerts[0]!.orderIds)).toEqual(new Set([sold[0]!.orderId, sold[1]!.orderId]));
  });

  test('a lot whose defects cross the rate alerts on its own while the product as a whole stays below it', async () => {
    const productId = randomUUID();
    const good = [];
    for (let i = 0; i < 9; i++) good.push(await shipProduct(database.db, { productId, units: 10, lotCode: 'LOT-GOOD' }));
    const bad = [];
    for (let i = 0; i < 3; i++) bad.push(await shipProduct(database.db, { productId, units: 10, lotCode: 'LOT-BAD-7' }));
    await returnSold(database.db, bad[0]!, { quantity: 3 }); // lot: 3 of 30 = 10%; product: 3 of 120 = 2.5%
    await Promise.all([evaluateQualityAlerts(database.db), evaluateQualityAlerts(database.db)]);
    const alerts = await alertsOf(productId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ lotCode: 'LOT-BAD-7', defectUnits: 3, shippedUnits: 30, rateBp: 1000 });
  });

  test('changed minds, rejected requests, other products and too few units shipped do not count', async () => {
    const { productId, sold } = await productWithDefects(0);
    await returnSold(database.db, sold[0]!, { quantity: 8, reason: 'CHANGED_MIND' });
    await returnSold(database.db, sold[1]!, { quantity: 8, status: 'REJECTED' });
    const few = randomUUID();
    const fewSold = await shipProduct(database.db, { productId: few, units: 10 });
    await returnSold(database.db, fewSold, { quantity: 5 }); // 50%, but 10 units shipped is below the minimum of 20
    await evaluateQualityAlerts(database.db);
    expect(await alertsOf(productId)).toHaveLength(0);
    expect(await alertsOf(few)).toHaveLength(0);
  });

  test('shipments and returns outside the window do not count', async () => {
    const productId = randomUUID();
    const old = [];
    for (let i = 0; i < 4; i++) old.push(await shipProduct(database.db, { productId, units: 10, daysAgo: 45 }));
    await returnSold(database.db, old[0]!, { quantity: 1 });
    // Shipped 40 units long ago; in the window only 1 defect and nothing shipped: not judged.
    await evaluateQualityAlerts(database.db);
    expect(await alertsOf(productId)).toHaveLength(0);
  });

  test('acknowledging closes the alert for the window; acknowledging twice returns INVALID_STATE', async () => {
    const { productId } = await productWithDefects(4);
    await evaluateQualityAlerts(database.db);
    const [alert] = await alertsOf(productId);
    const changes: ChangeRecord[] = [];
    const acked = await mutate(database.db, (tx) => acknowledgeQualityAlert(tx, staffId, { id: alert!.id, note: 'Supplier notified' }, changes));
    expect(acked).toMatchObject({ ok: true, value: { status: 'ACKNOWLEDGED', acknowledgedByStaffId: staffId, note: 'Supplier notified' } });
    await evaluateQualityAlerts(database.db);
    expect(await alertsOf(productId)).toHaveLength(1);
    const again = await mutate(database.db, (tx) => acknowledgeQualityAlert(tx, staffId, { id: alert!.id }, []));
    expect(again).toMatchObject({ ok: false, errors: [{ code: 'INVALID_STATE', field: ['input', 'id'] }] });
    const unknown = await mutate(database.db, (tx) => acknowledgeQualityAlert(tx, staffId, { id: 'nope' }, []));
    expect(unknown).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
  });

  test('a stricter rule raises what the default did not, after the settings change', async () => {
    const { productId } = await productWithDefects(2); // 5%
    await evaluateQualityAlerts(database.db);
    expect(await alertsOf(productId)).toHaveLength(0);
    const updated = await mutate(database.db, (tx) =>
      updateQualityRule(tx, staffId, { rateThresholdPercent: '4.5', defectReasonCodes: ['QUALITY_DEFECT'] }, []),
    );
    expect(updated).toMatchObject({ ok: true, value: { rateThresholdBp: 450, windowDays: 30, minUnitsShipped: 20 } });
    await evaluateQualityAlerts(database.db);
    expect(await alertsOf(productId)).toMatchObject([{ thresholdBp: 450, rateBp: 500 }]);
  });
});

describe('quality settings', () => {
  test('bad input returns every userError with its field and changes nothing', async () => {
    const result = await mutate(database.db, (tx) =>
      updateQualityRule(tx, staffId, { defectReasonCodes: [], rateThresholdPercent: '5.123', windowDays: 0, minUnitsShipped: 1.5 }, []),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
      ['input', 'defectReasonCodes'],
      ['input', 'rateThresholdPercent'],
      ['input', 'windowDays'],
      ['input', 'minUnitsShipped'],
    ]);
    expect(await loadQualityRule(database.db)).toMatchObject({ rateThresholdBp: 500, updatedAt: null });
  });

  test('a rule change queues one evaluation; the task also runs on a schedule', async () => {
    for (const windowDays of [14, 21]) {
      expect((await mutate(database.db, (tx) => updateQualityRule(tx, staffId, { windowDays }, []))).ok).toBe(true);
    }
    expect(await queuedJobs(database.db, EVALUATE_QUALITY_TASK)).toHaveLength(1);
    expect(orders.tasks[EVALUATE_QUALITY_TASK]).toBeTypeOf('function');
    expect(orders.schedules.map((s) => s.task)).toContain(EVALUATE_QUALITY_TASK);
  });
});

describe('return stats', () => {
  test('units per reason and per lot, beside units shipped, rejected requests left out', async () => {
    const { productId, sold } = await productWithDefects(3, ['L-1', 'L-2']);
    await returnSold(database.db, sold[1]!, { quantity: 1, reason: 'WRONG_SIZE' });
    await returnSold(database.db, sold[2]!, { quantity: 2, reason: 'QUALITY_DEFECT' });
    await returnSold(database.db, sold[3]!, { quantity: 9, reason: 'OTHER', status: 'REJECTED' });
    const stats = await productReturnStats(database.db, productId, 30);
    expect(stats.shippedUnits).toBe(40);
    expect(stats.reasons).toEqual([
      { reasonCode: 'QUALITY_DEFECT', units: 5, requests: 2 },
      { reasonCode: 'WRONG_SIZE', units: 1, requests: 1 },
    ]);
    expect(stats.lots).toEqual([
      { lotCode: 'L-1', shippedUnits: 20, reasons: [{ reasonCode: 'QUALITY_DEFECT', units: 5, requests: 2 }] },
      { lotCode: 'L-2', shippedUnits: 20, reasons: [{ reasonCode: 'WRONG_SIZE', units: 1, requests: 1 }] },
    ]);
  });
});
