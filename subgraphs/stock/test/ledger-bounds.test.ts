import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { applyMovements, MAX_LEVEL_QUANTITY, type MovementInput } from '../src/ledger/index.js';
import { seed } from '../src/seed.js';
import { level } from '../src/tables.js';
import { makeStockPlan } from './factories.js';

let database: TestDatabase;
const plan = makeStockPlan({ variants: 2, warehouses: 1 });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((tx) => seed(tx, plan));
});
afterAll(() => database.close());

const { variantId, warehouseId } = plan.levels[0]!;
const move = (onHandDelta: number): MovementInput => ({
  variantId, warehouseId, kind: 'ADJUSTMENT', onHandDelta, reservedDelta: 0, reference: null, actorId: null,
});
const onHand = async () =>
  (await database.db.select().from(level).where(and(eq(level.variantId, variantId), eq(level.warehouseId, warehouseId))))[0]!.onHand;

describe('stock levels stay within their integer columns', () => {
  it('a change that would take on_hand past 2^31-1 is a userError, not a PostgreSQL overflow', async () => {
    const start = await onHand();
    const filled = await database.db.transaction((tx) => applyMovements(tx, [move(MAX_LEVEL_QUANTITY - 10 - start)]));
    expect(filled.ok).toBe(true);
    const refused = await database.db.transaction((tx) => applyMovements(tx, [move(11)]));
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'INVALID_QUANTITY' }] });
    expect(await onHand()).toBe(MAX_LEVEL_QUANTITY - 10);
    expect((await database.db.transaction((tx) => applyMovements(tx, [move(10)]))).ok).toBe(true);
    expect(await onHand()).toBe(MAX_LEVEL_QUANTITY);
  });

  it('movements of one level whose sum leaves the integer range are refused before any SQL', async () => {
    const refused = await database.db.transaction((tx) => applyMovements(tx, [move(-MAX_LEVEL_QUANTITY), move(-MAX_LEVEL_QUANTITY)]));
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'INVALID_QUANTITY' }] });
  });
});
