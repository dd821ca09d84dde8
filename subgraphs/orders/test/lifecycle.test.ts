import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { orderCreate } from '../src/channels/index.js';
import { systemActor, type OrderActor } from '../src/history/index.js';
import { autoComplete, canTransition, expireUnpaid, transitionOrder } from '../src/lifecycle/index.js';
import { sandboxAuthorize } from '../src/payments/service.js';
import { order, orderHistory, orderStatus, type OrderRow, type OrderStatus } from '../src/tables.js';
import { availableOf, seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let variantId: string;
const staff: OrderActor = { kind: 'staff', id: (TEST_OPERATOR as { staffId: string }).staffId, label: 'Staff' };
const STATUSES = orderStatus.enumValues;

/** How an order reaches each status from PENDING_PAYMENT. */
const PATH: Record<OrderStatus, OrderStatus[]> = {
  PENDING_PAYMENT: [],
  PAID: ['PAID'],
  FULFILLING: ['PAID', 'FULFILLING'],
  SHIPPED: ['PAID', 'FULFILLING', 'SHIPPED'],
  DELIVERED: ['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED'],
  COMPLETED: ['PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED'],
  CANCELLED: ['CANCELLED'],
  CLOSED: ['CLOSED'],
};

/** A phone order of 2 units with a complete address of its own (no flag rule holds it). */
async function phoneOrder(address = uniqueAddress()): Promise<OrderRow> {
  const result = await mutate(database.db, (tx) =>
    orderCreate(tx, TEST_OPERATOR, { channel: 'ONLINE_STORE', lines: [{ variantId, quantity: 2 }], address }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const move = (orderId: string, to: OrderStatus, actor = staff) =>
  mutate(database.db, (tx) => transitionOrder(tx, { orderId, to, actor }));

async function orderAt(status: OrderStatus): Promise<OrderRow> {
  const placed = await phoneOrder();
  for (const to of PATH[status]) {
    const moved = await move(placed.id, to);
    if (!moved.ok) throw new Error(`${status} via ${to}: ${JSON.stringify(moved.errors)}`);
  }
  return placed;
}

const reservationOf = async (orderId: string) =>
  (await database.db.execute<{ status: string }>(sql`select status from stock.reservation where reference = ${orderId}`))[0]?.status;

beforeAll(async () => {
  database = await createTestDatabase();
  const plan = await seedCatalog(database.db, 1);
  variantId = plan.products[0]!.variants[0]!.id;
  await setAvailable(database.db, variantId, 10_000);
}, 120_000);
afterAll(() => database.close());

describe('order state machine', () => {
  const cases = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, canTransition(from, to, 'ONLINE_STORE')] as const));

  it('allows exactly the documented transitions', () => {
    const allowed = cases.filter(([, , ok]) => ok).map(([from, to]) => `${from}->${to}`);
    expect(allowed.sort()).toEqual(
      [
        'PENDING_PAYMENT->PAID', 'PENDING_PAYMENT->CANCELLED', 'PENDING_PAYMENT->CLOSED',
        'PAID->FULFILLING', 'PAID->CANCELLED',
        'FULFILLING->SHIPPED', 'FULFILLING->CANCELLED',
        'SHIPPED->DELIVERED',
        'DELIVERED->COMPLETED', 'DELIVERED->CLOSED',
        'COMPLETED->CLOSED',
      ].sort(),
    );
    expect(canTransition('PAID', 'COMPLETED', 'POINT_OF_SALE')).toBe(true);
  });

  it.each(cases)('%s -> %s (allowed: %s)', async (from, to, allowed) => {
    const placed = await orderAt(from);
    const historyBefore = await database.db.$count(orderHistory, eq(orderHistory.orderId, placed.id));
    const result = await move(placed.id, to);
    const [row] = await database.db.select().from(order).where(eq(order.id, placed.id));
    const historyAfter = await database.db.$count(orderHistory, eq(orderHistory.orderId, placed.id));
    if (allowed) {
      expect(result.ok).toBe(true);
      expect(row!.status).toBe(to);
      expect(historyAfter).toBe(historyBefore + 1);
      const [entry] = await database.db
        .select()
        .from(orderHistory)
        .where(eq(orderHistory.orderId, placed.id))
        .orderBy(sql`${orderHistory.createdAt} desc, ${orderHistory.kind} = 'TRANSITION' desc`)
        .limit(1);
      expect(entry).toMatchObject({ kind: 'TRANSITION', fromStatus: from, toStatus: to, actorKind: 'staff', actorId: staff.id });
    } else {
      expect(result).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TRANSITION', field: ['input', 'id'] }] });
      expect(!result.ok && result.errors[0]!.message).toContain(from);
      expect(row!.status).toBe(from);
      expect(historyAfter).toBe(historyBefore);
    }
  });

  it('refuses an unknown order with NOT_FOUND', async () => {
    const result = await move('00000000-0000-4000-8000-000000000000', 'PAID');
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
  });
});

describe('stock follows the order', () => {
  it('placing reserves, cancelling releases, and the units are available again', async () => {
    const before = await availableOf(database.db, variantId);
    const placed = await phoneOrder();
    expect(await availableOf(database.db, variantId)).toBe(before - 2);
    expect(await reservationOf(placed.id)).toBe('ACTIVE');
    expect((await move(placed.id, 'CANCELLED')).ok).toBe(true);
    expect(await reservationOf(placed.id)).toBe('RELEASED');
    expect(await availableOf(database.db, variantId)).toBe(before);
  });

  it('shipping commits the reservation: the units leave on hand for good', async () => {
    const placed = await orderAt('FULFILLING');
    const [before] = await database.db.execute<{ on_hand: number }>(
      sql`select sum(on_hand)::int as on_hand from stock.level where variant_id = ${variantId}`,
    );
    expect((await move(placed.id, 'SHIPPED')).ok).toBe(true);
    expect(await reservationOf(placed.id)).toBe('COMMITTED');
    const [after] = await database.db.execute<{ on_hand: number }>(
      sql`select sum(on_hand)::int as on_hand from stock.level where variant_id = ${variantId}`,
    );
    expect(after!.on_hand).toBe(before!.on_hand - 2);
  });

  it('a till sale is paid and handed over at once, its stock committed', async () => {
    const result = await mutate(database.db, (tx) =>
      orderCreate(tx, TEST_OPERATOR, { channel: 'POINT_OF_SALE', lines: [{ variantId, quantity: 1 }], paymentMethod: 'cash' }),
    );
    expect(result.ok).toBe(true);
    const placed = result.ok ? result.value : null;
    expect(placed!.status).toBe('COMPLETED');
    expect(await reservationOf(placed!.id)).toBe('COMMITTED');
    const history = await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, placed!.id));
    expect(history.filter((h) => h.kind === 'TRANSITION').map((h) => h.toStatus)).toEqual(['PAID', 'COMPLETED']);
  });

  it('a flagged order on hold does not start fulfilment', async () => {
    // An incomplete address is one of the placement flag rules.
    const placed = await phoneOrder({ ...uniqueAddress(), line1: '' });
    expect((await move(placed.id, 'PAID')).ok).toBe(true);
    const refused = await move(placed.id, 'FULFILLING');
    expect(refused).toMatchObject({ ok: false, errors: [{ code: 'ORDER_ON_HOLD' }] });
  });
});

describe('jobs', () => {
  it('the unpaid-expiry job cancels a pending order, releases its stock and is idempotent', async () => {
    const before = await availableOf(database.db, variantId);
    const placed = await phoneOrder();
    const [job] = await database.db.execute<{ run_at: Date }>(
      sql`select run_at from graphile_worker.jobs where key = ${`order-expiry:${placed.id}`}`,
    );
    const minutes = (new Date(job!.run_at).getTime() - placed.createdAt.getTime()) / 60_000;
    expect(Math.round(minutes)).toBe(30);

    await expireUnpaid({ orderId: placed.id }, database.db);
    await expireUnpaid({ orderId: placed.id }, database.db);
    const [row] = await database.db.select().from(order).where(eq(order.id, placed.id));
    expect(row!.status).toBe('CANCELLED');
    expect(await availableOf(database.db, variantId)).toBe(before);
    const entries = await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, placed.id));
    expect(entries.filter((e) => e.kind === 'TRANSITION')).toEqual([
      expect.objectContaining({ actorKind: 'system', actorLabel: 'Unpaid for 30 minutes', fromStatus: 'PENDING_PAYMENT', toStatus: 'CANCELLED' }),
    ]);
  });

  it('the unpaid-expiry job leaves a paid order alone', async () => {
    const placed = await orderAt('PAID');
    await expireUnpaid({ orderId: placed.id }, database.db);
    const [row] = await database.db.select().from(order).where(eq(order.id, placed.id));
    expect(row!.status).toBe('PAID');
    expect(await reservationOf(placed.id)).toBe('ACTIVE');
  });

  it('the unpaid-expiry job spares an order whose card is authorised but not yet captured', async () => {
    const placed = await phoneOrder();
    const memberId = crypto.randomUUID();
    await database.db.update(order).set({ memberId }).where(eq(order.id, placed.id));
    const customer = { kind: 'customer' as const, memberId, sessionId: crypto.randomUUID() };
    const card = { number: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: new Date().getFullYear() + 2, cvc: '123' };
    const authorized = await mutate(database.db, (tx) =>
      sandboxAuthorize(tx, customer, { kind: 'customer', id: memberId, label: 'Customer' }, { orderId: placed.id, card }),
    );
    expect(authorized).toMatchObject({ ok: true, value: { status: 'AUTHORIZED' } });
    await expireUnpaid({ orderId: placed.id }, database.db);
    const [row] = await database.db.select().from(order).where(eq(order.id, placed.id));
    expect(row!.status).toBe('PENDING_PAYMENT');
    expect(await reservationOf(placed.id)).toBe('ACTIVE');
  });

  it('delivering schedules completion after the return window, and the job completes only delivered orders', async () => {
    const placed = await orderAt('DELIVERED');
    const [job] = await database.db.execute<{ run_at: Date }>(
      sql`select run_at from graphile_worker.jobs where key = ${`order-complete:${placed.id}`}`,
    );
    expect(Math.round((new Date(job!.run_at).getTime() - Date.now()) / 86_400_000)).toBe(7);
    await autoComplete({ orderId: placed.id }, database.db);
    await autoComplete({ orderId: placed.id }, database.db);
    const [row] = await database.db.select().from(order).where(eq(order.id, placed.id));
    expect(row!.status).toBe('COMPLETED');

    const shipped = await orderAt('SHIPPED');
    await autoComplete({ orderId: shipped.id }, database.db);
    expect((await database.db.select().from(order).where(eq(order.id, shipped.id)))[0]!.status).toBe('SHIPPED');
  });

  it('every transition refreshes the reports fact', async () => {
    const placed = await orderAt('PAID');
    const [job] = await database.db.execute<{ payload: { status: string } }>(
      sql`select payload from graphile_worker._private_jobs where key = ${`report-order:${placed.id}`}`,
    );
    expect(job!.payload.status).toBe('PAID');
    expect(systemActor('x')).toEqual({ kind: 'system', id: null, label: 'x' });
  });
});
