import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { stockCover } from '../src/dashboard/tiles.js';
import { movement } from '../src/ledger/index.js';
import { level, warehouse } from '../src/tables.js';

// Noon of 15 March 2026 in Bangkok (the default shop zone): the 28 whole shop days are 15 Feb to 14 Mar.
const NOW = new Date('2026-03-15T05:00:00Z');

let database: TestDatabase;
const variant = { fast: randomUUID(), twoWarehouses: randomUUID(), unsold: randomUUID(), slow: randomUUID() };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [north, south] = await db
    .insert(warehouse)
    .values([{ code: 'COVER-N', name: 'North' }, { code: 'COVER-S', name: 'South' }])
    .returning();
  await db.insert(level).values([
    { variantId: variant.fast, warehouseId: north!.id, onHand: 12, reserved: 2 },
    { variantId: variant.twoWarehouses, warehouseId: north!.id, onHand: 2, reserved: 0 },
    { variantId: variant.twoWarehouses, warehouseId: south!.id, onHand: 3, reserved: 2 },
    { variantId: variant.unsold, warehouseId: north!.id, onHand: 100, reserved: 0 },
    { variantId: variant.slow, warehouseId: south!.id, onHand: 50, reserved: 0 },
  ]);
  const shipped = (variantId: string, warehouseId: string, units: number, at: string) => ({
    variantId, warehouseId, kind: 'SHIPMENT' as const, onHandDelta: -units, reservedDelta: -units, createdAt: new Date(at),
  });
  await db.insert(movement).values([
    // fast: 56 units in the window, 2 a day: 10 available last 5 days.
    shipped(variant.fast, north!.id, 56, '2026-03-01T03:00:00Z'),
    // twoWarehouses: 28 units from two warehouses, 1 a day: 3 available last 3 days.
    shipped(variant.twoWarehouses, north!.id, 20, '2026-02-20T03:00:00Z'),
    shipped(variant.twoWarehouses, south!.id, 8, '2026-03-10T03:00:00Z'),
    // slow: 14 units in the window (half a day: 50 last 100 days). The first shipment is at 00:00 on 15 Feb
    // in Bangkok (inside); the others at 23:59 on 14 Feb and at 00:00 today (both outside).
    shipped(variant.slow, south!.id, 7, '2026-02-14T17:00:00Z'),
    shipped(variant.slow, south!.id, 7, '2026-03-14T16:59:00Z'),
    shipped(variant.slow, south!.id, 100, '2026-02-14T16:59:00Z'),
    shipped(variant.slow, south!.id, 100, '2026-03-14T17:00:00Z'),
    // A reservation is not a sale.
    { variantId: variant.unsold, warehouseId: north!.id, kind: 'RESERVATION' as const, reservedDelta: 5, createdAt: new Date('2026-03-01T03:00:00Z') },
  ]);
});
afterAll(() => database?.close());

describe('stock cover', () => {
  it('orders variants by days of stock left at the last 28 shop days of shipments; unsold variants last', async () => {
    const cover = await stockCover(database.db, 10, NOW);
    expect(cover.map(({ variantId, available, dailyVelocity, daysLeft }) => ({ variantId, available, dailyVelocity, daysLeft }))).toEqual([
      { variantId: variant.twoWarehouses, available: 3, dailyVelocity: 1, daysLeft: 3 },
      { variantId: variant.fast, available: 10, dailyVelocity: 2, daysLeft: 5 },
      { variantId: variant.slow, available: 50, dailyVelocity: 0.5, daysLeft: 100 },
      { variantId: variant.unsold, available: 100, dailyVelocity: 0, daysLeft: null },
    ]);
  });

  it('returns the first n only and refuses n outside 1..100 with BAD_USER_INPUT', async () => {
    expect((await stockCover(database.db, 2, NOW)).map((c) => c.variantId)).toEqual([variant.twoWarehouses, variant.fast]);
    for (const first of [0, 101, 1.5]) {
      await expect(stockCover(database.db, first, NOW)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
