import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { deliverSandboxCarrierEvent, SANDBOX_CARRIER_TASK, type CarrierWireEvent } from '@shop/orders/carriers';
import { applyMovements } from '@shop/stock/commands';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';
import { queuedJobs } from '../kit/jobs.js';

// The secret the sandbox carrier and the webhook route share in this run (no file under DATA_DIR).
vi.hoisted(() => {
  process.env.SANDBOX_WEBHOOK_SECRET = 'test-sandbox-webhook-secret';
});

const CREATE = `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { order { id number lines { id } } userErrors { code message } } }`;
const PAID = `mutation ($id: ID!) { orderMarkPaid(input: { orderId: $id, method: CASH }) { userErrors { code message } } }`;
const ORDER = `query ($id: ID!) { order(id: $id) {
  status unshippedLines { orderLineId remaining }
  shipments { id number status trackingNumber trackingUrl warehouse { id } carrier { code name books } lines { orderLineId quantity } events { status source location } }
} }`;
const SHIP = `mutation ($input: ShipmentCreateInput!) { shipmentCreate(input: $input) {
  shipment { id number status trackingNumber kind carrier { code } lines { quantity } } userErrors { field code message } } }`;
const ADVANCE = `mutation ($input: ShipmentSandboxAdvanceInput!) { shipmentSandboxAdvance(input: $input) { shipment { id } userErrors { code message } } }`;
const QUEUE = `query ($filter: FulfilmentQueueFilter) { fulfilmentQueue(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
const CARRIERS = `query { carriers { code name books active } }`;
const LEDGER = `query ($variantId: ID!) { stockMovements(variantId: $variantId, first: 50) { edges { node { kind onHandDelta reservedDelta reference warehouse { id } } } } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let database: TestDatabase;
let warehouses: string[];
let variantId: string;

/** Exactly `units` available of the variant in each warehouse, written through the ledger. */
async function setLevels(units: Record<string, number>) {
  const levels = await database.db.execute<{ warehouse_id: string; available: number }>(sql`
    select w.id as warehouse_id, coalesce(l.on_hand - l.reserved, 0)::int as available
    from stock.warehouse w left join stock.level l on l.warehouse_id = w.id and l.variant_id = ${variantId} where w.active`);
  const result = await database.db.transaction((tx) =>
    applyMovements(
      tx,
      levels.map((l) => ({
        variantId,
        warehouseId: l.warehouse_id,
        kind: 'ADJUSTMENT' as const,
        onHandDelta: (units[l.warehouse_id] ?? 0) - l.available,
        reservedDelta: 0,
        reference: 'fulfilment test',
        actorId: null,
      })),
    ),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  warehouses = (await database.db.execute<{ id: string }>(sql`select id from stock.warehouse where active order by priority, code limit 2`)).map((w) => w.id);
  const [variant] = await database.db.execute<{ id: string }>(sql`
    select v.id from products.variant v join products.product p on p.id = v.product_id where p.status = 'ACTIVE' order by v.id limit 1`);
  variantId = variant!.id;
}, 300_000);
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('fulfilment through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    process.env.SANDBOX_CARRIER_WEBHOOK_URL = gateway.url.replace(/\/graphql$/, '/webhooks/carriers/sandbox');
    owner = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
    analyst = bearer(await staffLogin(gateway, 'analyst@shop.test', 'demo-analyst-password'));
  }, 120_000);
  afterAll(() => gateway?.stop());

  /** The sandbox carrier's queued webhook for a waybill, delivered as the job would. */
  async function deliverQueued(trackingNumber: string) {
    const jobs = await queuedJobs(database.db, SANDBOX_CARRIER_TASK);
    const mine = jobs.filter((j) => (j.payload as { event: CarrierWireEvent }).event.data.trackingNumber === trackingNumber);
    expect(mine).toHaveLength(1);
    await deliverSandboxCarrierEvent(mine[0]!.payload);
  }

  it('lists the carriers with their booking ability', async () => {
    const { body } = await gateway.query(CARRIERS, {}, owner);
    expect(body.data.carriers).toEqual(
      expect.arrayContaining([
        { code: 'KERRY', name: 'Kerry Express', books: false, active: true },
        { code: 'SANDBOX', name: 'Sandbox carrier', books: true, active: true },
      ]),
    );
  });

  it('ships an order in two shipments from two warehouses, delivers both through sandbox carrier events, and the ledger shows both', async () => {
    const [first, second] = warehouses as [string, string];
    await setLevels({ [first]: 1, [second]: 3 });
    const created = await gateway.query(
      CREATE,
      {
        input: {
          channel: 'ONLINE_STORE',
          lines: [{ variantId, quantity: 3 }],
          address: { name: 'Fulfilment Test', phone: '+66 81 000 0000', line1: `${randomUUID().slice(0, 8)} Test Rd`, city: 'Bangkok', region: 'Bangkok', postalCode: '10110', country: 'TH' },
        },
      },
      owner,
    );
    expect(created.body.data.orderCreate.userErrors).toEqual([]);
    const { id, lines } = created.body.data.orderCreate.order;
    await database.db.execute(sql`update orders.order_flag set cleared_at = now() where order_id = ${id}`);
    expect((await gateway.query(PAID, { id }, owner)).body.data.orderMarkPaid.userErrors).toEqual([]);

    const queued = await gateway.query(QUEUE, { filter: { warehouseId: second } }, owner);
    expect(queued.body.data.fulfilmentQueue.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);

    // An analyst reads orders but may not ship them.
    const denied = await gateway.query(SHIP, { input: { orderId: id, warehouseId: first, carrierCode: 'SANDBOX', lines: [{ orderLineId: lines[0].id, quantity: 1 }] } }, analyst);
    expect(denied.body.data?.shipmentCreate ?? null).toBeNull();
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const over = await gateway.query(SHIP, { input: { orderId: id, warehouseId: first, carrierCode: 'SANDBOX', lines: [{ orderLineId: lines[0].id, quantity: 4 }] } }, owner);
    expect(over.body.data.shipmentCreate).toEqual({ shipment: null, userErrors: [{ field: ['input', 'lines', '0', 'quantity'], code: 'OVER_SHIPPED', message: expect.any(String) }] });

    const one = await gateway.query(SHIP, { input: { orderId: id, warehouseId: first, carrierCode: 'SANDBOX', book: true, lines: [{ orderLineId: lines[0].id, quantity: 1, lotCode: 'LOT-A' }] } }, owner);
    expect(one.body.data.shipmentCreate).toMatchObject({ userErrors: [], shipment: { status: 'SHIPPED', kind: 'ORIGINAL', carrier: { code: 'SANDBOX' }, lines: [{ quantity: 1 }] } });
    let order = (await gateway.query(ORDER, { id }, owner)).body.data.order;
    expect(order).toMatchObject({ status: 'FULFILLING', unshippedLines: [{ orderLineId: lines[0].id, remaining: 2 }] });

    const two = await gateway.query(SHIP, { input: { orderId: id, warehouseId: second, carrierCode: 'SANDBOX', book: true, lines: [{ orderLineId: lines[0].id, quantity: 2 }] } }, owner);
    expect(two.body.data.shipmentCreate.userErrors).toEqual([]);
    order = (await gateway.query(ORDER, { id }, owner)).body.data.order;
    expect(order.status).toBe('SHIPPED');
    expect(order.unshippedLines).toEqual([]);
    expect(order.shipments.map((s: { warehouse: { id: string } }) => s.warehouse.id)).toEqual([first, second]);

    for (const shipment of order.shipments) {
      expect((await gateway.query(ADVANCE, { input: { shipmentId: shipment.id, status: 'DELIVERED' } }, owner)).body.data.shipmentSandboxAdvance.userErrors).toEqual([]);
      // Nothing changes until the carrier's webhook arrives.
      await deliverQueued(shipment.trackingNumber);
    }
    order = (await gateway.query(ORDER, { id }, owner)).body.data.order;
    expect(order.status).toBe('DELIVERED');
    expect(order.shipments.map((s: { status: string; events: unknown[] }) => [s.status, s.events])).toEqual([
      ['DELIVERED', [{ status: 'DELIVERED', source: 'CARRIER', location: null }]],
      ['DELIVERED', [{ status: 'DELIVERED', source: 'CARRIER', location: null }]],
    ]);

    const ledger = (await gateway.query(LEDGER, { variantId }, owner)).body.data.stockMovements.edges.map((e: { node: unknown }) => e.node);
    for (const [i, shipment] of order.shipments.entries()) {
      expect(ledger).toContainEqual({ kind: 'SHIPMENT', onHandDelta: -(i === 0 ? 1 : 2), reservedDelta: -(i === 0 ? 1 : 2), reference: shipment.number, warehouse: { id: [first, second][i] } });
    }
  });

  it('refuses the sandbox carrier to an API key and to a carrier that is not the sandbox one', async () => {
    const { body } = await gateway.query(ADVANCE, { input: { shipmentId: randomUUID(), status: 'IN_TRANSIT' } }, owner);
    expect(body.data.shipmentSandboxAdvance.userErrors[0].code).toBe('NOT_FOUND');
    const anonymous = await gateway.query(ADVANCE, { input: { shipmentId: randomUUID(), status: 'IN_TRANSIT' } });
    expect(anonymous.body.data?.shipmentSandboxAdvance ?? null).toBeNull();
  });
});
