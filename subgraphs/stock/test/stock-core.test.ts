import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { stock } from '../src/index.js';
import { seed } from '../src/seed.js';
import { applyMovements, verifyLedger } from '../src/ledger/index.js';
import { commit, expireReservation, release, reserve } from '../src/reservations/index.js';
import { makeStockPlan } from './factories.js';

let database: TestDatabase;
const plan = makeStockPlan({ variants: 2, warehouses: 2 });
// Picking order: the warehouse with the lowest priority number comes first.
const [first, second] = [...plan.warehouses].sort((a, b) => a.priority - b.priority).map((w) => w.id) as [string, string];

beforeAll(async () => {
  database = await createTestDatabase({ max: 4 });
  await database.db.transaction((tx) => seed(tx, plan));
});
afterAll(() => database.close());

/** Runs `fn` in a transaction that rolls back when the result failed, as the mutation helper does. */
async function inTx<R extends { ok: boolean }>(fn: (tx: Db) => Promise<R>): Promise<R> {
  let result!: R;
  try {
    await database.db.transaction(async (tx) => {
      result = await fn(tx);
      if (!result.ok) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return result;
}

async function receive(variantId: string, warehouseId: string, units: number) {
  const result = await inTx((tx) =>
    applyMovements(tx, [{ variantId, warehouseId, kind: 'RECEIPT', onHandDelta: units, reservedDelta: 0, reference: 'test', actorId: null }]),
  );
  expect(result.ok).toBe(true);
}

async function levels(variantId: string) {
  return database.db.execute<{ warehouse_id: string; on_hand: number; reserved: number }>(
    sql`select warehouse_id, on_hand, reserved from stock.level where variant_id = ${variantId} order by warehouse_id`,
  );
}

const count = async (table: string, where = sql`true`) =>
  (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))[0]!.n;

describe('ledger', () => {
  it('creates missing levels and records one movement per change', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 5);
    expect(await levels(variantId)).toEqual([{ warehouse_id: first, on_hand: 5, reserved: 0 }]);
    expect(await count('stock.movement', sql`variant_id = ${variantId}`)).toBe(1);
  });

  it('refuses a change that would leave on_hand below reserved, and an unknown warehouse', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 3);
    const short = await inTx((tx) =>
      applyMovements(tx, [{ variantId, warehouseId: first, kind: 'ADJUSTMENT', onHandDelta: -4, reservedDelta: 0, reference: null, actorId: null }]),
    );
    expect(short).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_STOCK', availableQuantity: 3 }] });
    const unknown = await inTx((tx) =>
      applyMovements(tx, [{ variantId, warehouseId: randomUUID(), kind: 'RECEIPT', onHandDelta: 1, reservedDelta: 0, reference: null, actorId: null }]),
    );
    expect(unknown).toMatchObject({ ok: false, errors: [{ code: 'UNKNOWN_WAREHOUSE' }] });
    expect(await levels(variantId)).toEqual([{ warehouse_id: first, on_hand: 3, reserved: 0 }]);
  });
});

describe('reservations', () => {
  it('allocates in picking order across warehouses, then releases', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 2);
    await receive(variantId, second, 5);
    const held = await inTx((tx) => reserve(tx, [{ variantId, quantity: 4 }], 'order-1'));
    expect(held.ok && held.value.lines).toEqual([
      { variantId, warehouseId: first, quantity: 2 },
      { variantId, warehouseId: second, quantity: 2 },
    ]);
    expect(await inTx((tx) => release(tx, 'order-1'))).toMatchObject({ ok: true });
    expect((await levels(variantId)).every((l) => l.reserved === 0)).toBe(true);
    expect(await inTx((tx) => release(tx, 'order-1'))).toMatchObject({ ok: false, errors: [{ code: 'INVALID_STATE' }] });
  });

  it('commits a shipment: on_hand and reserved go down together', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 10);
    await inTx((tx) => reserve(tx, [{ variantId, quantity: 3 }], 'order-2'));
    expect(await inTx((tx) => commit(tx, 'order-2'))).toMatchObject({ ok: true });
    expect(await levels(variantId)).toEqual([{ warehouse_id: first, on_hand: 7, reserved: 0 }]);
  });

  it('is all or nothing: a short second line writes nothing', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await receive(a, first, 10);
    await receive(b, first, 1);
    const result = await inTx((tx) => reserve(tx, [{ variantId: a, quantity: 2 }, { variantId: b, quantity: 2 }], 'order-3'));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_STOCK', availableQuantity: 1, field: ['input', 'lines', '1', 'quantity'] }] });
    expect(await count('stock.reservation', sql`reference = 'order-3'`)).toBe(0);
    expect((await levels(a))[0]!.reserved).toBe(0);
  });

  it('refuses bad quantities and a reused reference', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 10);
    for (const quantity of [0, -1, 1.5]) {
      expect(await inTx((tx) => reserve(tx, [{ variantId, quantity }], `bad-${quantity}`))).toMatchObject({ ok: false, errors: [{ code: 'INVALID_QUANTITY' }] });
    }
    await inTx((tx) => reserve(tx, [{ variantId, quantity: 1 }], 'order-4'));
    expect(await inTx((tx) => reserve(tx, [{ variantId, quantity: 1 }], 'order-4'))).toMatchObject({ ok: false, errors: [{ code: 'DUPLICATE_REFERENCE' }] });
    expect((await levels(variantId))[0]!.reserved).toBe(1);
  });

  it('enqueues expiry in the same transaction; the task releases once and is idempotent', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 10);
    await inTx((tx) => reserve(tx, [{ variantId, quantity: 2 }], 'order-5', { expiresAt: new Date(Date.now() + 60_000) }));
    expect(await count('graphile_worker.jobs', sql`key = 'reservation:order-5'`)).toBe(1);
    await expireReservation({ reference: 'order-5' }, database.db);
    await expireReservation({ reference: 'order-5' }, database.db);
    expect((await levels(variantId))[0]!.reserved).toBe(0);
    expect(await count('stock.movement', sql`reference = 'order-5' and kind = 'RELEASE'`)).toBe(1);
  });
});

describe('low-stock alerts', () => {
  it('raises one OPEN alert when available falls to the reorder point, and resolves it when stock returns', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 10);
    await database.db.execute(sql`update stock.level set reorder_point = 5 where variant_id = ${variantId}`);
    const notifyJobs = sql`task_identifier = 'stock.lowStockNotify'`;
    const jobsBefore = await count('graphile_worker.jobs', notifyJobs);
    for (let i = 0; i < 4; i++) await inTx((tx) => reserve(tx, [{ variantId, quantity: 2 }], `alert-${variantId}-${i}`));
    expect(await count('stock.alert', sql`variant_id = ${variantId} and status = 'OPEN'`)).toBe(1);
    expect(await count('graphile_worker.jobs', notifyJobs)).toBe(jobsBefore + 1);
    await receive(variantId, first, 10);
    expect(await count('stock.alert', sql`variant_id = ${variantId} and status = 'OPEN'`)).toBe(0);
    expect(await count('stock.alert', sql`variant_id = ${variantId} and status = 'RESOLVED'`)).toBe(1);
  });
});

describe('stock mutations', () => {
  const run = (source: string, variables: Record<string, unknown>) =>
    subgraphExecutor(stock, database.db)(source, variables) as Promise<{ data?: any; errors?: readonly any[] }>;
  const ADJUST = `mutation ($input: StockAdjustInput!) { stockAdjust(input: $input) { stockLevel { onHand reorderPoint lowStock } userErrors { code field availableQuantity } } }`;

  it('adjusts with a reason and records actor and reason; refuses zero', async () => {
    const variantId = randomUUID();
    const ok = await run(ADJUST, { input: { variantId, warehouseId: first, quantity: 7, reason: 'FOUND' } });
    expect(ok.data?.stockAdjust).toMatchObject({ stockLevel: { onHand: 7 }, userErrors: [] });
    const [row] = await database.db.execute<{ reason_code: string; actor_id: string }>(sql`select reason_code, actor_id from stock.movement where variant_id = ${variantId}`);
    expect(row).toEqual({ reason_code: 'FOUND', actor_id: TEST_OPERATOR.kind === 'staff' ? TEST_OPERATOR.staffId : null });
    const zero = await run(ADJUST, { input: { variantId, warehouseId: first, quantity: 0, reason: 'FOUND' } });
    expect(zero.data?.stockAdjust.userErrors).toEqual([{ code: 'INVALID_QUANTITY', field: ['input', 'quantity'], availableQuantity: null }]);
    const tooMany = await run(ADJUST, { input: { variantId, warehouseId: first, quantity: -8, reason: 'LOST' } });
    expect(tooMany.data?.stockAdjust.userErrors[0]).toMatchObject({ code: 'INSUFFICIENT_STOCK', availableQuantity: 7 });
  });

  it('needs a fresh step-up for a decrease of more than 50', async () => {
    const variantId = randomUUID();
    await receive(variantId, first, 100);
    const refused = await run(ADJUST, { input: { variantId, warehouseId: first, quantity: -51, reason: 'DAMAGED' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
    const stepped = subgraphExecutor(stock, database.db, { ...TEST_OPERATOR, stepUpUntil: Date.now() + 60_000 } as typeof TEST_OPERATOR);
    const done = await stepped(ADJUST, { input: { variantId, warehouseId: first, quantity: -51, reason: 'DAMAGED' } });
    expect(done.data?.stockAdjust).toMatchObject({ stockLevel: { onHand: 49 }, userErrors: [] });
  });
});

describe('stock:verify', () => {
  it('finds a level that disagrees with its ledger', async () => {
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
    const variantId = randomUUID();
    await receive(variantId, first, 4);
    await database.db.execute(sql`update stock.level set on_hand = 5 where variant_id = ${variantId}`);
    const { mismatches } = await verifyLedger(database.db);
    expect(mismatches).toEqual([{ variantId, warehouseId: first, onHand: 5, reserved: 0, ledgerOnHand: 4, ledgerReserved: 0 }]);
    await database.db.execute(sql`update stock.level set on_hand = 4 where variant_id = ${variantId}`);
  });
});
