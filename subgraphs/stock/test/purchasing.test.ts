import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { levelOf, makeVariants, makeWarehouse, snapshot } from './purchasing-fixtures.js';
import { stock } from '../src/index.js';
import { dataOf } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let run: ReturnType<typeof subgraphExecutor>;
let warehouseId: string;
let variants: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase({ max: 8 });
  run = subgraphExecutor(stock, database.db);
  warehouseId = await makeWarehouse(database.db, 'PO-WH');
  variants = await makeVariants(database.db, ['PO-A', 'PO-B', 'PO-C']);
});
afterAll(() => database.close());

const ERRORS = 'userErrors { field code message }';

async function ok<T = Record<string, any>>(source: string, variables: Record<string, unknown>, root: string): Promise<T> {
  const result = await run(source, variables);
  expect(result.errors).toBeUndefined();
  const payload = (result.data as Record<string, any>)[root];
  expect(payload.userErrors).toEqual([]);
  return payload as T;
}

async function refused(source: string, variables: Record<string, unknown>, root: string) {
  const before = await snapshot(database.db);
  const result = await run(source, variables);
  expect(result.errors).toBeUndefined();
  expect(await snapshot(database.db)).toEqual(before);
  return (result.data as Record<string, any>)[root].userErrors as { field: string[]; code: string; message: string }[];
}

const SUPPLIER_CREATE = `mutation ($input: SupplierCreateInput!) {
  supplierCreate(input: $input) { supplier { id name email leadTimeDays currencyCode } ${ERRORS} } }`;
const PRODUCT_SET = `mutation ($input: SupplierProductSetInput!) {
  supplierProductSet(input: $input) { supplier { products { variant { id } cost { amount currencyCode } } } ${ERRORS} } }`;
const PO_FIELDS = `purchaseOrder { id number status total { amount currencyCode }
  lines { id variant { id } quantityOrdered quantityReceived unitCost { amount } } warehouse { code } supplier { name } }`;
const PO_CREATE = `mutation ($input: PurchaseOrderCreateInput!) { purchaseOrderCreate(input: $input) { ${PO_FIELDS} ${ERRORS} } }`;
const PO_RECEIVE = `mutation ($input: PurchaseOrderReceiveInput!) { purchaseOrderReceive(input: $input) { ${PO_FIELDS} ${ERRORS} } }`;
const transition = (name: string) =>
  `mutation ($id: ID!) { ${name}(input: { id: $id }) { purchaseOrder { status } ${ERRORS} } }`;

async function createSupplier(name = 'Acme', leadTimeDays = 5): Promise<string> {
  const payload = await ok(SUPPLIER_CREATE, { input: { name, leadTimeDays, currencyCode: 'THB', email: 'Buy@Acme.test' } }, 'supplierCreate');
  return payload.supplier.id;
}

async function createOrder(supplierId: string, lines: { variantId: string; quantity: number; unitCost?: string }[]) {
  const payload = await ok(PO_CREATE, { input: { supplierId, warehouseId, lines } }, 'purchaseOrderCreate');
  return payload.purchaseOrder as { id: string; number: string; status: string; lines: { id: string; variant: { id: string } }[] };
}

describe('suppliers', () => {
  it('creates a supplier and sets costs in its currency, replacing an earlier cost', async () => {
    const supplierId = await createSupplier('Siam Supplies', 3);
    const variantId = variants.get('PO-A')!;
    await ok(PRODUCT_SET, { input: { supplierId, variantId, cost: '10.5' } }, 'supplierProductSet');
    const payload = await ok(PRODUCT_SET, { input: { supplierId, variantId, cost: '12.25' } }, 'supplierProductSet');
    expect(payload.supplier.products).toEqual([{ variant: { id: variantId }, cost: { amount: '12.25', currencyCode: 'THB' } }]);
  });

  it('answers the saved cost in the payload in the supplier currency', async () => {
    const supplierId = await createSupplier('Payload Cost');
    const variantId = variants.get('PO-C')!;
    const set = `mutation ($input: SupplierProductSetInput!) {
      supplierProductSet(input: $input) { supplierProduct { variant { id } cost { amount currencyCode } } ${ERRORS} } }`;
    const payload = await ok(set, { input: { supplierId, variantId, cost: '7.50' } }, 'supplierProductSet');
    expect(payload.supplierProduct).toEqual({ variant: { id: variantId }, cost: { amount: '7.50', currencyCode: 'THB' } });
  });

  it('refuses invalid fields with their paths and writes nothing', async () => {
    const errors = await refused(
      SUPPLIER_CREATE,
      { input: { name: ' ', email: 'not-mail', leadTimeDays: -1, currencyCode: 'THB' } },
      'supplierCreate',
    );
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID', 'input.name'],
      ['INVALID', 'input.email'],
      ['INVALID', 'input.leadTimeDays'],
    ]);
  });

  it('refuses a cost with too many decimals, an unknown supplier and a bad update', async () => {
    const supplierId = await createSupplier('Decimals');
    const variantId = variants.get('PO-B')!;
    expect(await refused(PRODUCT_SET, { input: { supplierId, variantId, cost: '1.234' } }, 'supplierProductSet')).toMatchObject([
      { code: 'INVALID', field: ['input', 'cost'] },
    ]);
    expect(await refused(PRODUCT_SET, { input: { supplierId, variantId, cost: '-1' } }, 'supplierProductSet')).toMatchObject([
      { code: 'INVALID', field: ['input', 'cost'] },
    ]);
    expect(
      await refused(PRODUCT_SET, { input: { supplierId: variantId, variantId, cost: '1' } }, 'supplierProductSet'),
    ).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'supplierId'] }]);
    const update = `mutation ($input: SupplierUpdateInput!) { supplierUpdate(input: $input) { supplier { name } ${ERRORS} } }`;
    expect(await refused(update, { input: { id: supplierId, leadTimeDays: 999 } }, 'supplierUpdate')).toMatchObject([
      { code: 'INVALID', field: ['input', 'leadTimeDays'] },
    ]);
    const updated = await ok(update, { input: { id: supplierId, name: 'Renamed' } }, 'supplierUpdate');
    expect(updated.supplier.name).toBe('Renamed');
  });
});

describe('purchase orders', () => {
  it('drafts an order with a sequence number, supplier costs by default and a bigint total', async () => {
    const supplierId = await createSupplier('Drafts');
    await ok(PRODUCT_SET, { input: { supplierId, variantId: variants.get('PO-A')!, cost: '2.50' } }, 'supplierProductSet');
    const result = await run(PO_CREATE, {
      input: {
        supplierId,
        warehouseId,
        lines: [
          { variantId: variants.get('PO-A')!, quantity: 4 },
          { variantId: variants.get('PO-B')!, quantity: 3, unitCost: '0.10' },
        ],
      },
    });
    const order = dataOf<{ purchaseOrderCreate: { purchaseOrder: { number: string; status: string; total: unknown; warehouse: unknown } } }>(result)
      .purchaseOrderCreate.purchaseOrder;
    expect(order.number).toMatch(/^PO-\d{6}$/);
    expect(order.status).toBe('DRAFT');
    expect(order.total).toEqual({ amount: '10.30', currencyCode: 'THB' });
    expect(order.warehouse).toEqual({ code: 'PO-WH' });
  });

  it('refuses bad lines, an unknown warehouse and a missing cost, writing nothing', async () => {
    const supplierId = await createSupplier('Refusals');
    const errors = await refused(
      PO_CREATE,
      {
        input: {
          supplierId,
          warehouseId: supplierId,
          lines: [
            { variantId: variants.get('PO-A')!, quantity: 0, unitCost: '1' },
            { variantId: variants.get('PO-A')!, quantity: 2, unitCost: '1' },
            { variantId: variants.get('PO-C')!, quantity: 1 },
          ],
        },
      },
      'purchaseOrderCreate',
    );
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['UNKNOWN_WAREHOUSE', 'input.warehouseId'],
      ['INVALID_QUANTITY', 'input.lines.0.quantity'],
      ['INVALID', 'input.lines.1.variantId'],
      ['INVALID', 'input.lines.2.unitCost'],
    ]);
  });

  it('receives partially then fully, through the ledger with the PO number as reference', async () => {
    const supplierId = await createSupplier('Receiving');
    const [a, b] = [variants.get('PO-A')!, variants.get('PO-B')!];
    const before = [await levelOf(database.db, a, warehouseId), await levelOf(database.db, b, warehouseId)];
    const order = await createOrder(supplierId, [
      { variantId: a, quantity: 10, unitCost: '1' },
      { variantId: b, quantity: 5, unitCost: '1' },
    ]);
    await ok(transition('purchaseOrderOrder'), { id: order.id }, 'purchaseOrderOrder');
    const [lineA, lineB] = [order.lines.find((l) => l.variant.id === a)!, order.lines.find((l) => l.variant.id === b)!];

    const partial = await ok(PO_RECEIVE, { input: { id: order.id, lines: [{ lineId: lineA.id, quantity: 4 }] } }, 'purchaseOrderReceive');
    expect(partial.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');
    expect((await levelOf(database.db, a, warehouseId)).onHand).toBe(before[0]!.onHand + 4);

    const over = await refused(
      PO_RECEIVE,
      { input: { id: order.id, lines: [{ lineId: lineB.id, quantity: 5 }, { lineId: lineA.id, quantity: 7 }] } },
      'purchaseOrderReceive',
    );
    expect(over).toMatchObject([{ code: 'RECEIVING_MORE_THAN_ORDERED', field: ['input', 'lines', '1', 'quantity'] }]);
    expect(
      await refused(PO_RECEIVE, { input: { id: order.id, lines: [{ lineId: lineA.id, quantity: 0 }] } }, 'purchaseOrderReceive'),
    ).toMatchObject([{ code: 'INVALID_QUANTITY' }]);

    const full = await ok(
      PO_RECEIVE,
      { input: { id: order.id, lines: [{ lineId: lineA.id, quantity: 6 }, { lineId: lineB.id, quantity: 5 }] } },
      'purchaseOrderReceive',
    );
    expect(full.purchaseOrder.status).toBe('RECEIVED');
    expect(full.purchaseOrder.lines.map((l: any) => l.quantityReceived).sort()).toEqual([10, 5].sort());
    expect(await levelOf(database.db, a, warehouseId)).toEqual({ onHand: before[0]!.onHand + 10, reserved: before[0]!.reserved });
    expect(await levelOf(database.db, b, warehouseId)).toEqual({ onHand: before[1]!.onHand + 5, reserved: before[1]!.reserved });
    const movements = await database.db.execute<{ variant_id: string; on_hand_delta: number; actor_id: string }>(sql`
      select variant_id, on_hand_delta, actor_id from stock.movement
      where kind = 'RECEIPT' and reference = ${order.number} order by created_at, on_hand_delta`);
    expect(movements.map((m) => [m.variant_id, m.on_hand_delta])).toEqual(
      expect.arrayContaining([[a, 4], [a, 6], [b, 5]]),
    );
    expect(movements).toHaveLength(3);
    expect(movements[0]!.actor_id).toBe('00000000-0000-4000-8000-0000000000aa');
  });

  it('never receives more than ordered under concurrent receipts', async () => {
    const supplierId = await createSupplier('Concurrent');
    const c = variants.get('PO-C')!;
    const before = await levelOf(database.db, c, warehouseId);
    const order = await createOrder(supplierId, [{ variantId: c, quantity: 10, unitCost: '1' }]);
    await ok(transition('purchaseOrderOrder'), { id: order.id }, 'purchaseOrderOrder');
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        run(PO_RECEIVE, { input: { id: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 3 }] } }),
      ),
    );
    const codes = results.map((r) => {
      expect(r.errors).toBeUndefined();
      return dataOf<{ purchaseOrderReceive: { userErrors: { code: string }[] } }>(r).purchaseOrderReceive.userErrors[0]?.code ?? 'OK';
    });
    expect(codes.filter((code) => code === 'OK')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RECEIVING_MORE_THAN_ORDERED')).toHaveLength(9);
    expect((await levelOf(database.db, c, warehouseId)).onHand).toBe(before.onHand + 9);
    const [line] = await database.db.execute<{ quantity_received: number }>(
      sql`select quantity_received from stock.purchase_order_line where id = ${order.lines[0]!.id}`,
    );
    expect(line!.quantity_received).toBe(9);
  });
});

describe('purchase order state machine', () => {
  const ACTIONS = {
    order: 'purchaseOrderOrder',
    cancel: 'purchaseOrderCancel',
    close: 'purchaseOrderClose',
  } as const;
  const ALLOWED: Record<string, Record<keyof typeof ACTIONS | 'receive', string | null>> = {
    DRAFT: { order: 'ORDERED', cancel: 'CANCELLED', close: null, receive: null },
    ORDERED: { order: null, cancel: 'CANCELLED', close: null, receive: 'PARTIALLY_RECEIVED' },
    PARTIALLY_RECEIVED: { order: null, cancel: null, close: 'CLOSED', receive: 'RECEIVED' },
    RECEIVED: { order: null, cancel: null, close: 'CLOSED', receive: null },
    CLOSED: { order: null, cancel: null, close: null, receive: null },
    CANCELLED: { order: null, cancel: null, close: null, receive: null },
  };

  /** A fresh two-unit order driven into `status` through the API. */
  async function orderIn(status: string) {
    const supplierId = await createSupplier(`SM ${status}`);
    const order = await createOrder(supplierId, [{ variantId: variants.get('PO-A')!, quantity: 2, unitCost: '1' }]);
    const receive = (quantity: number) =>
      ok(PO_RECEIVE, { input: { id: order.id, lines: [{ lineId: order.lines[0]!.id, quantity }] } }, 'purchaseOrderReceive');
    if (status === 'CANCELLED') await ok(transition('purchaseOrderCancel'), { id: order.id }, 'purchaseOrderCancel');
    if (status !== 'DRAFT' && status !== 'CANCELLED') await ok(transition('purchaseOrderOrder'), { id: order.id }, 'purchaseOrderOrder');
    if (status === 'PARTIALLY_RECEIVED') await receive(1);
    if (status === 'RECEIVED' || status === 'CLOSED') await receive(2);
    if (status === 'CLOSED') await ok(transition('purchaseOrderClose'), { id: order.id }, 'purchaseOrderClose');
    return order;
  }

  for (const [from, outcomes] of Object.entries(ALLOWED)) {
    for (const [action, to] of Object.entries(outcomes)) {
      it(`${action} from ${from} ${to ? `→ ${to}` : 'is refused'}`, async () => {
        const order = await orderIn(from);
        const source =
          action === 'receive' ? PO_RECEIVE : transition(ACTIONS[action as keyof typeof ACTIONS]);
        const root = action === 'receive' ? 'purchaseOrderReceive' : ACTIONS[action as keyof typeof ACTIONS];
        const variables =
          action === 'receive'
            ? { input: { id: order.id, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] } }
            : { id: order.id };
        if (to) {
          const payload = await ok(source, variables, root);
          expect(payload.purchaseOrder.status).toBe(to);
        } else {
          const errors = await refused(source, variables, root);
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatchObject({ code: 'INVALID_STATE', field: ['input', 'id'] });
          expect(errors[0]!.message).toContain(`is ${from}`);
        }
      });
    }
  }

  it('answers NOT_FOUND for an unknown order', async () => {
    const errors = await refused(transition('purchaseOrderOrder'), { id: warehouseId }, 'purchaseOrderOrder');
    expect(errors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });
});
