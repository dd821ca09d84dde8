import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { seed } from '../src/seed.js';
import { levelsByVariantIds, listWarehouses, summarize } from '../src/service.js';
import { movement } from '../src/ledger/index.js';
import { level, warehouse } from '../src/tables.js';
import { makeStockPlan } from './factories.js';

let database: TestDatabase;
const plan = makeStockPlan({ variants: 5, warehouses: 3 });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction((tx) => seed(tx, plan));
});
afterAll(() => database.close());

describe('stock seed', () => {
  it('writes every level with nothing reserved', async () => {
    const rows = await database.db.select().from(level);
    expect(rows).toHaveLength(plan.levels.length);
    expect(rows.every((row) => row.reserved === 0)).toBe(true);
  });

  it('leaves every level equal to the sum of its ledger', async () => {
    const mismatches = await database.db.execute(sql`
      select l.variant_id from ${level} l
      left join (select variant_id, warehouse_id, sum(on_hand_delta) as total, bool_and(kind = 'RECEIPT') as receipts
                 from ${movement} group by variant_id, warehouse_id) m
        on m.variant_id = l.variant_id and m.warehouse_id = l.warehouse_id
      where m.total is distinct from l.on_hand or not m.receipts`);
    expect(mismatches).toHaveLength(0);
    expect(await database.db.$count(movement)).toBe(plan.levels.length);
  });
});

describe('stock service', () => {
  it('lists warehouses in picking order, lowest priority number first', async () => {
    const rows = await listWarehouses(database.db);
    expect(rows.map((w) => w.code)).toEqual(['WH-3', 'WH-2', 'WH-1']);
  });

  it('loads the levels of many variants grouped by variant and in picking order', async () => {
    const [first, second] = [plan.levels[0]!.variantId, plan.levels[3]!.variantId];
    const rows = await levelsByVariantIds(database.db, [first, second, randomUUID(), 'not-a-uuid']);
    expect(rows).toHaveLength(6);
    const ofFirst = rows.filter((r) => r.variantId === first);
    expect(ofFirst.map((r) => r.warehouse.code)).toEqual(['WH-3', 'WH-2', 'WH-1']);
    expect(ofFirst.map((r) => r.onHand)).toEqual([12, 11, 10]);
  });

  it('sums only active warehouses but still lists inactive ones', async () => {
    const variantId = plan.levels[0]!.variantId;
    await database.db.update(level).set({ reserved: 4 }).where(eq(level.variantId, variantId));
    await database.db.update(warehouse).set({ active: false }).where(eq(warehouse.code, 'WH-3'));
    try {
      const summary = summarize(await levelsByVariantIds(database.db, [variantId]));
      expect(summary).toMatchObject({ onHand: 21, reserved: 8, available: 13 });
      expect(summary.levels.map((l) => [l.warehouse.code, l.available])).toEqual([
        ['WH-3', 8],
        ['WH-2', 7],
        ['WH-1', 6],
      ]);
    } finally {
      await database.db.update(level).set({ reserved: 0 }).where(eq(level.variantId, variantId));
      await database.db.update(warehouse).set({ active: true }).where(eq(warehouse.code, 'WH-3'));
    }
  });

  it('summarizes a variant that was never stocked as zero', () => {
    expect(summarize([])).toEqual({ onHand: 0, reserved: 0, available: 0, levels: [] });
  });
});

describe('stock constraints', () => {
  const someLevel = () => plan.levels[1]!;

  /** The constraint PostgreSQL names when it refuses the statement (drizzle keeps it on `cause`). */
  async function violated(query: PromiseLike<unknown>): Promise<string | undefined> {
    try {
      await query;
      return undefined;
    } catch (error) {
      return (error as { cause?: { constraint_name?: string } }).cause?.constraint_name;
    }
  }

  it('refuses to reserve more than is on hand', async () => {
    const { variantId, warehouseId } = someLevel();
    const update = database.db
      .update(level)
      .set({ reserved: sql`${level.onHand} + 1` })
      .where(sql`${level.variantId} = ${variantId} and ${level.warehouseId} = ${warehouseId}`);
    expect(await violated(update)).toBe('level_on_hand_covers_reserved');
  });

  it('refuses a negative reservation', async () => {
    const { variantId } = someLevel();
    const update = database.db.update(level).set({ reserved: -1 }).where(eq(level.variantId, variantId));
    expect(await violated(update)).toBe('level_reserved_nonnegative');
  });

  it('refuses a second level for the same variant and warehouse', async () => {
    const { variantId, warehouseId } = someLevel();
    const insert = database.db.insert(level).values({ variantId, warehouseId, onHand: 1 });
    expect(await violated(insert)).toBe('level_variant_warehouse_unique');
  });
});
