import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChangeRecord } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { earnPointsForOrder } from '../src/commands.js';
import { loadSettings, updateSettings } from '../src/loyalty/settings.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 12 });
});
afterAll(() => database.close());

const update = (input: Parameters<typeof updateSettings>[1], changes: ChangeRecord[] = []) =>
  database.db.transaction((tx) => updateSettings(tx, input, changes));

describe('loyalty settings', () => {
  test('out-of-range values are INVALID userErrors per field and change nothing', async () => {
    const before = await loadSettings(database.db);
    const result = await update({ earnPoints: 0, earnPer: '-1', pointValue: '0.001', pointsExpireDays: 4000, birthdayPoints: -5, winBackDays: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field?.at(-1)).sort()).toEqual(
      ['birthdayPoints', 'earnPer', 'earnPoints', 'pointValue', 'pointsExpireDays', 'winBackDays'],
    );
    expect(result.errors.every((e) => e.code === 'INVALID')).toBe(true);
    expect(await loadSettings(database.db)).toEqual(before);
  });

  test('an update changes only the fields given, records the change, and the next earning uses the new rate', async () => {
    const changes: ChangeRecord[] = [];
    const result = await update({ earnPoints: 2, earnPer: '10.00', birthdayPoints: 0 }, changes);
    expect(result).toMatchObject({ ok: true, value: { earnPoints: 2, earnPerMinor: 1_000n, birthdayPoints: 0, pointValueMinor: 25n, winBackDays: 90 } });
    expect(changes).toEqual([
      {
        entity: 'LoyaltySettings', id: 'shop',
        before: { earnPoints: 1, earnPerMinor: '2500', birthdayPoints: 100 },
        after: { earnPoints: 2, earnPerMinor: '1000', birthdayPoints: 0 },
      },
    ]);
    const [member] = await insertMembers(database.db, [makeMember()]);
    const earned = await database.db.transaction((tx) =>
      earnPointsForOrder(tx, { memberId: member!.id, orderId: randomUUID(), amountMinor: 10_000n, currency: 'THB' }),
    );
    expect(earned).toMatchObject({ ok: true, value: { points: 20 } });
  });

  test('an update that changes nothing records no change', async () => {
    const changes: ChangeRecord[] = [];
    const current = await loadSettings(database.db);
    expect(await update({ winBackDays: current.winBackDays }, changes)).toMatchObject({ ok: true });
    expect(changes).toEqual([]);
  });
});
