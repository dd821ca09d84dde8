import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { applyMovements, verifyLedger } from '@shop/stock/commands';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { orderCreate } from '../src/channels/index.js';
import { carrierWireEvent, receiveSandboxCarrierWebhook } from '../src/carriers/index.js';
import { resolveDeliveryException } from '../src/delivery-exceptions/index.js';
import { holdOrder } from '../src/flags/index.js';
import { actorOf } from '../src/history/index.js';
import { shipOrder, transitionOrder } from '../src/lifecycle/index.js';
import { sandboxSignature } from '../src/payments/index.js';
import { mergeSuggestions } from '../src/shipments/queries.js';
import { createShipment, recordTrackingEvent, shipOrdersTogether, shipWholeOrder } from '../src/shipments/index.js';
import { shipment } from '../src/shipments/tables.js';
import { order, orderLine, type OrderRow } from '../src/tables.js';
import { seedCatalog, uniqueAddress } from './checkout-fixtures.js';

vi.hoisted(() => {
  process.env.SANDBOX_WEBHOOK_SECRET = 'test-sandbox-webhook-secret';
});

let database: TestDatabase;
let bkk: string;
let cnx: string;
let shirt: string;
let socks: string;
let plan: Awaited<ReturnType<typeof seedCatalog>>;
const actor = actorOf(TEST_OPERATOR);

/** Sets on_hand at one warehouse to `units` more than it holds now. */
async function stock(variantId: string, warehouseId: string, units: number) {
  const result = await database.db.transaction((tx) =>
    applyMovements(tx, [{ variantId, warehouseId, kind: 'RECEIPT', onHandDelta: units, reservedDelta: 0, reference: 'test receipt', actorId: null }]),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

async function level(variantId: string, warehouseId: string) {
  const [row] = await database.db.execute<{ on_hand: number; reserved: number }>(
    sql`select on_hand, reserved from stock.level where variant_id = ${variantId} and warehouse_id = ${warehouseId}`,
  );
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}

/** A paid phone order; lines as [variant, quantity]. */
async function paidOrder(lines: [string, number][], extra: { memberId?: string; address?: ReturnType<typeof uniqueAddress> } = {}) {
  const placed = await mutate(database.db, (tx) =>
    orderCreate(tx, TEST_OPERATOR, {
      channel: 'ONLINE_STORE',
      lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })),
      address: extra.address ?? uniqueAddress(),
      memberId: extra.memberId ?? null,
    }),
  );
  if (!placed.ok) throw new Error(JSON.stringify(placed.errors));
  // Flag rules (a repeated address) may hold an order: these tests are about shipping it.
  await database.db.execute(sql`update orders.order_flag set cleared_at = now() where order_id = ${placed.value.id}`);
  const paid = await mutate(database.db, (tx) => transitionOrder(tx, { orderId: placed.value.id, to: 'PAID', actor }));
  if (!paid.ok) throw new Error(JSON.stringify(paid.errors));
  const rows = await database.db.select().from(orderLine).where(eq(orderLine.orderId, placed.value.id)).orderBy(orderLine.position);
  return { order: placed.value, lines: rows };
}

const statusOf = async (id: string) => (await database.db.select().from(order).where(eq(order.id, id)))[0]!.status;
const movementsOf = (reference: string) =>
  database.db.execute<{ kind: string; warehouse_id: string; on_hand_delta: number; reserved_delta: number }>(
    sql`select kind, warehouse_id, on_hand_delta, reserved_delta from stock.movement where reference = ${reference} order by kind, warehouse_id`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  plan = await seedCatalog(database.db, 1);
  [bkk, cnx] = plan.warehouses.map((w) => w.id) as [string, string];
  shirt = plan.products[0]!.variants[0]!.id;
  socks = plan.products[0]!.variants[1]!.id;
}, 120_000);
afterAll(() => database.close());

describe('shipments', () => {
  it('ships an order in two parts: FULFILLING while partly shipped, SHIPPED when all left, stock out through the ledger', async () => {
    await stock(shirt, bkk, 10);
    await stock(socks, bkk, 10);
    const { order: placed, lines } = await paidOrder([[shirt, 3], [socks, 2]]);
    const before = await level(shirt, bkk);
    const first = await mutate(database.db, (tx) =>
      createShipment(tx, actor, { orderId: placed.id, warehouseId: bkk, carrierCode: 'KERRY', trackingNumber: 'KE1', lines: [{ orderLineId: lines[0]!.id, quantity: 1, lotCode: 'LOT-7' }] }),
    );
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.number).toBe(`S-${placed.number}-1`);
    expect(await statusOf(placed.id)).toBe('FULFILLING');
    expect(await level(shirt, bkk)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
    expect(await movementsOf(first.value.number)).toEqual([{ kind: 'SHIPMENT', warehouse_id: bkk, on_hand_delta: -1, reserved_delta: -1 }]);

    const second = await mutate(database.db, (tx) =>
      createShipment(tx, actor, {
        orderId: placed.id,
        warehouseId: bkk,
        carrierCode: 'SANDBOX',
        book: true,
        lines: [{ orderLineId: lines[0]!.id, quantity: 2 }, { orderLineId: lines[1]!.id, quantity: 2 }],
      }),
    );
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.trackingNumber).toMatch(/^SBX\d{9}TH$/);
    expect(await statusOf(placed.id)).toBe('SHIPPED');
    const [reservation] = await database.db.execute<{ status: string }>(sql`select status from stock.reservation where reference = ${placed.id}`);
    expect(reservation!.status).toBe('COMMITTED');
    expect((await verifyLedger(database.db)).mismatches).toEqual([]);
  });

  it('refuses to ship more than is left, changing nothing', async () => {
    await stock(shirt, bkk, 5);
    const { order: placed, lines } = await paidOrder([[shirt, 2]]);
    const over = await mutate(database.db, (tx) =>
      createShipment(tx, actor, { orderId: placed.id, warehouseId: bkk, carrierCode: 'KERRY', lines: [{ orderLineId: lines[0]!.id, quantity: 3 }] }),
    );
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors[0]).toMatchObject({ code: 'OVER_SHIPPED', field: ['input', 'lines', '0', 'quantity'] });
    expect(await statusOf(placed.id)).toBe('PAID');
    const unknown = await mutate(database.db, (tx) =>
      createShipment(tx, actor, { orderId: placed.id, warehouseId: bkk, carrierCode: 'NOPE', lines: [{ orderLineId: lines[0]!.id, quantity: 1 }] }),
    );
    if (!unknown.ok) expect(unknown.errors[0]!.code).toBe('UNKNOWN_CARRIER');
    expect(await database.db.select().from(shipment).where(eq(shipment.orderId, placed.id))).toEqual([]);
  });

  it('ships from a warehouse other than the one holding the units, or refuses when that one has none', async () => {
    await stock(shirt, bkk, 5);
    const { order: placed, lines } = await paidOrder([[shirt, 2]]);
    const held = await level(shirt, bkk);
    const empty = await mutate(database.db, (tx) =>
      createShipment(tx, actor, { orderId: placed.id, warehouseId: cnx, carrierCode: 'FLASH', lines: [{ orderLineId: lines[0]!.id, quantity: 2 }] }),
    );
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]!.code).toBe('INSUFFICIENT_STOCK');
    await stock(shirt, cnx, 3);
    const elsewhere = await mutate(database.db, (tx) =>
      createShipment(tx, actor, { orderId: placed.id, warehouseId: cnx, carrierCode: 'FLASH', lines: [{ orderLineId: lines[0]!.id, quantity: 2 }] }),
    );
    expect(elsewhere.ok).toBe(true);
    if (!elsewhere.ok) return;
    expect(await level(shirt, bkk)).toEqual({ onHand: held.onHand, reserved: held.reserved - 2 });
    expect(await level(shirt, cnx)).toEqual({ onHand: 1, reserved: 0 });
    expect((await movementsOf(elsewhere.value.number)).map((m) => m.kind)).toEqual(['RELEASE', 'SHIPMENT']);
  });

  it('ships a whole order held in two warehouses as two shipments (orderShip keeps its API)', async () => {
    const gloves = plan.products[0]!.variants[2]!.id;
    // Picking order: BKK first; it has 1, CNX the rest.
    await stock(gloves, bkk, 1);
    await stock(gloves, cnx, 4);
    const { order: placed } = await paidOrder([[gloves, 3]]);
    await mutate(database.db, (tx) => transitionOrder(tx, { orderId: placed.id, to: 'FULFILLING', actor }));
    const shipped = await mutate(database.db, (tx) => shipOrder(tx, actor, { id: placed.id, carrier: 'Kerry', trackingNumber: 'KER999' }));
    expect(shipped.ok).toBe(true);
    if (!shipped.ok) return;
    expect(shipped.value).toMatchObject({ status: 'SHIPPED', carrier: 'Kerry', trackingNumber: 'KER999' });
    const rows = await database.db.select().from(shipment).where(eq(shipment.orderId, placed.id));
    expect(rows.map((r) => r.warehouseId).sort()).toEqual([bkk, cnx].sort());
    expect(rows.every((r) => r.carrierCode === 'KERRY' && r.trackingNumber === 'KER999')).toBe(true);
    expect(await level(gloves, bkk)).toEqual({ onHand: 0, reserved: 0 });
    expect(await level(gloves, cnx)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('never ships more than ordered when two shipments of the same lines race', async () => {
    await stock(socks, bkk, 10);
    const { order: placed, lines } = await paidOrder([[socks, 2]]);
    const attempt = () =>
      mutate(database.db, (tx) =>
        createShipment(tx, actor, { orderId: placed.id, warehouseId: bkk, carrierCode: 'JT', lines: [{ orderLineId: lines[0]!.id, quantity: 2 }] }),
      );
    const results = await Promise.all([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [shipped] = await database.db.execute<{ n: number }>(
      sql`select coalesce(sum(sl.quantity), 0)::int as n from orders.shipment_line sl join orders.shipment s on s.id = sl.shipment_id where s.order_id = ${placed.id}`,
    );
    expect(shipped!.n).toBe(2);
    expect(await statusOf(placed.id)).toBe('SHIPPED');
  });

  it('refuses a held order', async () => {
    await stock(shirt, bkk, 2);
    const { order: placed } = await paidOrder([[shirt, 1]]);
    expect((await mutate(database.db, (tx) => holdOrder(tx, actor, { orderId: placed.id, reason: 'Check the address' }))).ok).toBe(true);
    const held = await mutate(database.db, (tx) => shipWholeOrder(tx, actor, { orderId: placed.id, carrierCode: 'KERRY', trackingNumber: 'K1' }));
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.errors[0]!.code).toBe('ORDER_ON_HOLD');
  });
});

describe('tracking, the sandbox carrier webhook and delivery exceptions', () => {
  async function shippedBySandbox() {
    await stock(shirt, bkk, 3);
    const { order: placed } = await paidOrder([[shirt, 1]]);
    const shipped = await mutate(database.db, (tx) => shipWholeOrder(tx, actor, { orderId: placed.id, carrierCode: 'SANDBOX', book: true }));
    if (!shipped.ok) throw new Error(JSON.stringify(shipped.errors));
    return { placed, row: shipped.value[0]! };
  }
  const post = (body: string, signature: string | undefined, now?: number) => receiveSandboxCarrierWebhook(database.db, signature, body, now);
  const sign = (body: string, at = Math.floor(Date.now() / 1000)) => sandboxSignature(body, at);

  it('accepts signed events once, refuses forged and stale ones, and delivers the order with its last shipment', async () => {
    const { placed, row } = await shippedBySandbox();
    const transit = JSON.stringify(carrierWireEvent(row.trackingNumber!, 'IN_TRANSIT'));
    expect((await post(transit, undefined)).status).toBe(401);
    expect((await post(transit, sign(transit).replace(/v1=../, 'v1=00'))).status).toBe(401);
    expect((await post(transit, sign(transit, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    expect((await post(transit, sign(transit))).status).toBe(200);
    const replay = await post(transit, sign(transit));
    expect(replay.status).toBe(409);
    const events = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.tracking_event where shipment_id = ${row.id}`);
    expect(events[0]!.n).toBe(1);
    const delivered = JSON.stringify(carrierWireEvent(row.trackingNumber!, 'DELIVERED'));
    expect((await post(delivered, sign(delivered))).status).toBe(200);
    expect(await statusOf(placed.id)).toBe('DELIVERED');
    const [after] = await database.db.select().from(shipment).where(eq(shipment.id, row.id));
    expect(after).toMatchObject({ status: 'DELIVERED' });
    expect(after!.deliveredAt).toBeInstanceOf(Date);
  });

  it('opens an exception on a failed attempt and reships the same lines as a replacement on RESHIP', async () => {
    const { row } = await shippedBySandbox();
    const failed = await mutate(database.db, (tx) =>
      recordTrackingEvent(tx, actor, { shipmentId: row.id, status: 'FAILED_ATTEMPT', occurredAt: new Date(), source: 'STAFF' }),
    );
    expect(failed.ok).toBe(true);
    const [open] = await database.db.execute<{ id: string; kind: string; status: string }>(
      sql`select id, kind, status from orders.delivery_exception where shipment_id = ${row.id}`,
    );
    expect(open).toMatchObject({ kind: 'FAILED_DELIVERY', status: 'OPEN' });
    const before = await level(shirt, bkk);
    const resolved = await mutate(database.db, (tx) => resolveDeliveryException(tx, actor, { id: open!.id, resolution: 'RESHIP', note: 'Customer asked again' }));
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value).toMatchObject({ status: 'RESOLVED', resolution: 'RESHIP' });
    const [again] = await database.db.select().from(shipment).where(eq(shipment.id, resolved.value.reshipmentId!));
    expect(again).toMatchObject({ kind: 'REPLACEMENT', orderId: row.orderId });
    expect(await level(shirt, bkk)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
    const twice = await mutate(database.db, (tx) => resolveDeliveryException(tx, actor, { id: open!.id, resolution: 'CONTACTED' }));
    expect(twice.ok).toBe(false);
  });
});

describe('merged parcels', () => {
  it('suggests and ships unshipped orders of one member to one address as one parcel', async () => {
    await stock(shirt, bkk, 4);
    const memberId = randomUUID();
    const address = uniqueAddress();
    const a = await paidOrder([[shirt, 1]], { memberId, address });
    const b = await paidOrder([[shirt, 1]], { memberId, address });
    const other = await paidOrder([[shirt, 1]], { memberId, address: uniqueAddress() });
    const groups = await mergeSuggestions(database.db);
    const ours = groups.find((g) => g.orders.some((o: OrderRow) => o.id === a.order.id));
    expect(ours?.orders.map((o) => o.id).sort()).toEqual([a.order.id, b.order.id].sort());
    const refused = await mutate(database.db, (tx) =>
      shipOrdersTogether(tx, actor, { orderIds: [a.order.id, other.order.id], carrierCode: 'SANDBOX', book: true }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.code).toBe('NOT_MERGEABLE');
    const merged = await mutate(database.db, (tx) => shipOrdersTogether(tx, actor, { orderIds: [a.order.id, b.order.id], carrierCode: 'SANDBOX', book: true }));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.value.shipments.map((s) => s.orderId).sort()).toEqual([a.order.id, b.order.id].sort());
    expect(new Set(merged.value.shipments.map((s) => s.trackingNumber))).toEqual(new Set([merged.value.parcel.trackingNumber]));
    // One carrier event about the waybill reaches both orders.
    const body = JSON.stringify(carrierWireEvent(merged.value.parcel.trackingNumber!, 'DELIVERED'));
    expect((await receiveSandboxCarrierWebhook(database.db, sandboxSignature(body, Math.floor(Date.now() / 1000)), body)).status).toBe(200);
    expect([await statusOf(a.order.id), await statusOf(b.order.id)]).toEqual(['DELIVERED', 'DELIVERED']);
  });
});
