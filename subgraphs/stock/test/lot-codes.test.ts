import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { applyMovements, lotCodeFor } from '../src/commands.js';
import { stock } from '../src/index.js';
import { makeVariants, makeWarehouse, snapshot } from './purchasing-fixtures.js';

let database: TestDatabase;
let run: ReturnType<typeof subgraphExecutor>;
let warehouseId: string;
let supplierId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  run = subgraphExecutor(stock, database.db);
  warehouseId = await makeWarehouse(database.db, 'LOT-WH');
  const created = await run(
    `mutation ($input: SupplierCreateInput!) { supplierCreate(input: $input) { supplier { id } } }`,
    { input: { name: 'Lots Ltd', leadTimeDays: 2, currencyCode: 'THB' } },
  );
  expect(created.errors).toBeUndefined();
  supplierId = (created.data as any).supplierCreate.supplier.id;
});
afterAll(() => database.close());

const ERRORS = 'userErrors { field code message }';
const RECEIVE = `mutation ($input: PurchaseOrderReceiveInput!) { purchaseOrderReceive(input: $input) {
  purchaseOrder { lines { id quantityReceived receipts { quantity lotCode receivedAt } } } ${ERRORS} } }`;

/** An ORDERED purchase order of `quantity` units of the variant; returns its id and line id. */
async function ordered(variantId: string, quantity: number) {
  const created = await run(
    `mutation ($input: PurchaseOrderCreateInput!) { purchaseOrderCreate(input: $input) { purchaseOrder { id lines { id } } ${ERRORS} } }`,
    { input: { supplierId, warehouseId, lines: [{ variantId, quantity, unitCost: '1' }] } },
  );
  const order = (created.data as any).purchaseOrderCreate.purchaseOrder;
  await run(`mutation ($id: ID!) { purchaseOrderOrder(input: { id: $id }) { ${ERRORS} } }`, { id: order.id });
  return { id: order.id as string, lineId: order.lines[0].id as string };
}

async function receive(order: { id: string; lineId: string }, quantity: number, lotCode?: string) {
  const result = await run(RECEIVE, { input: { id: order.id, lines: [{ lineId: order.lineId, quantity, lotCode }] } });
  expect(result.errors).toBeUndefined();
  return (result.data as any).purchaseOrderReceive;
}

const lotNow = (variantId: string) => withTx(database.db, (tx) => lotCodeFor(tx, { variantId, warehouseId }));

/** Units leaving the warehouse (a sale), through the ledger. */
const ship = (variantId: string, units: number) =>
  withTx(database.db, (tx) =>
    applyMovements(tx, [{ variantId, warehouseId, kind: 'ADJUSTMENT', onHandDelta: -units, reservedDelta: 0, reference: 'test', actorId: null }]),
  );

describe('lot codes at goods receipt', () => {
  it('records each delivery of a line with its lot code, trimmed, and shows it on the purchase order', async () => {
    const variantId = (await makeVariants(database.db, ['LOT-A'])).get('LOT-A')!;
    const order = await ordered(variantId, 10);
    await receive(order, 4, '  L2026-11/A ');
    const payload = await receive(order, 6);
    expect(payload.userErrors).toEqual([]);
    expect(payload.purchaseOrder.lines[0].receipts).toMatchObject([
      { quantity: 4, lotCode: 'L2026-11/A' },
      { quantity: 6, lotCode: null },
    ]);
  });

  it('refuses a malformed lot code with its field path and receives nothing', async () => {
    const variantId = (await makeVariants(database.db, ['LOT-B'])).get('LOT-B')!;
    const order = await ordered(variantId, 5);
    const before = await snapshot(database.db);
    const payload = await receive(order, 5, 'lot code with spaces');
    expect(payload.userErrors).toMatchObject([{ code: 'INVALID', field: ['input', 'lines', '0', 'lotCode'] }]);
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('lotCodeFor follows first in, first out: the oldest receipt still covering the units on hand', async () => {
    const variantId = (await makeVariants(database.db, ['LOT-C'])).get('LOT-C')!;
    expect(await lotNow(variantId)).toBeNull();
    await receive(await ordered(variantId, 10), 10, 'LOT-OLD');
    await receive(await ordered(variantId, 5), 5, 'LOT-NEW');
    expect(await lotNow(variantId)).toBe('LOT-OLD'); // 15 on hand: 10 of LOT-OLD still there
    await ship(variantId, 9);
    expect(await lotNow(variantId)).toBe('LOT-OLD'); // 6 on hand: 1 of LOT-OLD, then LOT-NEW
    await ship(variantId, 1);
    expect(await lotNow(variantId)).toBe('LOT-NEW');
    await ship(variantId, 5);
    expect(await lotNow(variantId)).toBeNull(); // nothing on hand
  });

  it('lotCodeFor is null when on hand exceeds what purchase orders brought in (the oldest units came another way)', async () => {
    const variantId = (await makeVariants(database.db, ['LOT-D'])).get('LOT-D')!;
    await withTx(database.db, (tx) =>
      applyMovements(tx, [{ variantId, warehouseId, kind: 'ADJUSTMENT', onHandDelta: 3, reservedDelta: 0, reference: 'count', actorId: null }]),
    );
    await receive(await ordered(variantId, 4), 4, 'LOT-X');
    expect(await lotNow(variantId)).toBeNull();
    await ship(variantId, 3);
    expect(await lotNow(variantId)).toBe('LOT-X');
  });
});
