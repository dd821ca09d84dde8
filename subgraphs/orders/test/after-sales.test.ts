import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Principal } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import {
  createReturnRequest,
  decideReturnRequest,
  exchangeReturnRequest,
  receiveReturnRequest,
  refundReturnRequest,
  type ReturnRequestCreateInput,
} from '../src/after-sales/service.js';
import { returnPhoto, returnRequest, type ReturnRequestRow } from '../src/after-sales/tables.js';
import { ensureCarriers } from '../src/carriers/index.js';
import { actorOf } from '../src/history/index.js';
import { createPendingPayment, moneyOf, recordManualPayment } from '../src/payments/index.js';
import { order, orderHistory, orderLine, type OrderLineRow, type OrderRow } from '../src/tables.js';

let database: TestDatabase;
const STAFF = actorOf(TEST_OPERATOR);
const MEMBER = randomUUID();
const CUSTOMER: Principal = { kind: 'customer', memberId: MEMBER, sessionId: randomUUID() };
const AS_CUSTOMER = { openedBy: 'CUSTOMER' as const, memberId: MEMBER, uploader: { memberId: MEMBER } };
const AS_STAFF = { openedBy: 'STAFF' as const, memberId: null, uploader: null };
let warehouseId: string;
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase({ max: 25 });
  warehouseId = randomUUID();
  await database.db.execute(sql`insert into stock.warehouse (id, code, name) values (${warehouseId}, 'RET', 'Returns')`);
  await ensureCarriers(database.db);
});
afterAll(() => database.close());

/**
 * A shipped order of member MEMBER: 2 × 1,000.00 and 1 × 500.00 plus 50.00
 * shipping (2,550.00), of which `paidMinor` was captured by hand.
 */
async function shippedOrder(options: { status?: OrderRow['status']; paidMinor?: bigint; unitMinor?: bigint; memberId?: string } = {}) {
  const unit = options.unitMinor ?? 100_000n;
  const total = unit * 2n + 50_000n + 5_000n;
  const [row] = await database.db
    .insert(order)
    .values({
      number: `SO-AS-${++sequence}-${randomUUID().slice(0, 6)}`,
      channel: 'ONLINE_STORE',
      status: options.status ?? 'SHIPPED',
      memberId: options.memberId ?? MEMBER,
      subtotalMinor: total - 5_000n,
      shippingMinor: 5_000n,
      totalMinor: total,
      currencyCode: 'THB',
    })
    .returning();
  const lines = await database.db
    .insert(orderLine)
    .values([
      { orderId: row!.id, variantId: randomUUID(), sku: 'TEE-M', title: 'Tee — M', quantity: 2, unitPriceMinor: unit, currencyCode: 'THB', position: 0 },
      { orderId: row!.id, variantId: randomUUID(), sku: 'CAP', title: 'Cap', quantity: 1, unitPriceMinor: 50_000n, currencyCode: 'THB', position: 1 },
    ])
    .returning();
  await createPendingPayment(database.db, { orderId: row!.id, provider: 'MANUAL', amountMinor: total, currencyCode: 'THB' });
  const paid = await recordManualPayment(database.db, {
    orderId: row!.id,
    method: 'BANK_TRANSFER',
    amountMinor: options.paidMinor ?? total,
    currencyCode: 'THB',
    actor: STAFF,
  });
  expect(paid.ok).toBe(true);
  return { order: row!, tee: lines[0]! as OrderLineRow, cap: lines[1]! as OrderLineRow };
}

const open = (input: ReturnRequestCreateInput, opener: typeof AS_CUSTOMER | typeof AS_STAFF = AS_CUSTOMER) =>
  mutate(database.db, (tx) => createReturnRequest(tx, opener === AS_STAFF ? STAFF : actorOf(CUSTOMER), input, opener));

async function opened(input: ReturnRequestCreateInput, opener: typeof AS_CUSTOMER | typeof AS_STAFF = AS_CUSTOMER): Promise<ReturnRequestRow> {
  const result = await open(input, opener);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const approve = (id: string) => mutate(database.db, (tx) => decideReturnRequest(tx, STAFF, { id, note: 'Photo shows a torn seam.' }, 'APPROVED'));

const refund = (id: string, amount?: string, includeShipping?: boolean, principal: Principal = TEST_OPERATOR) =>
  mutate(database.db, (tx) => refundReturnRequest(tx, principal, STAFF, { id, amount, includeShipping }));

async function eventsOf(orderId: string) {
  const rows = await database.db.execute<{ payload: { type: string; data: Record<string, unknown> } }>(sql`
    select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'access.webhookFanOut' and j.payload->'subject'->>'orderId' = ${orderId} order by j.id`);
  return rows.map((r) => r.payload);
}

describe('opening a request', () => {
  it('a customer returns one item with a quality reason: REQUESTED, numbered, on the timeline, published', async () => {
    const { order: o, tee } = await shippedOrder();
    const request = await opened({ orderId: o.id, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', note: ' Seam torn ', lines: [{ orderLineId: tee.id, quantity: 1 }] });
    expect(request).toMatchObject({ status: 'REQUESTED', openedBy: 'CUSTOMER', memberId: MEMBER, customerNote: 'Seam torn', number: `R-${o.number}-1` });
    const history = await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, o.id));
    expect(history.map((h) => h.kind)).toContain('RETURN_REQUESTED');
    const events = await eventsOf(o.id);
    expect(events.map((e) => e.type)).toContain('after_sales.requested');
    // Events carry ids and codes only: never the customer's note.
    expect(JSON.stringify(events)).not.toContain('Seam torn');
  });

  it("another customer's order looks like no order at all", async () => {
    const { order: o, tee } = await shippedOrder({ memberId: randomUUID() });
    const result = await open({ orderId: o.id, kind: 'RETURN', reasonCode: 'WRONG_SIZE', lines: [{ orderLineId: tee.id, quantity: 1 }] });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.field])).toEqual([['ORDER_NOT_FOUND', ['input', 'orderId']]]);
  });

  it('an order that has not shipped has nothing to return', async () => {
    const { order: o, tee } = await shippedOrder({ status: 'PAID' });
    const result = await open({ orderId: o.id, kind: 'REFUND_ONLY', reasonCode: 'CHANGED_MIND', lines: [{ orderLineId: tee.id, quantity: 1 }] });
    expect(result.ok ? null : result.errors[0]!.code).toBe('ORDER_NOT_SHIPPED');
  });

  it('never more than shipped minus already requested; every bad line is reported and nothing is written', async () => {
    const { order: o, tee, cap } = await shippedOrder();
    await opened({ orderId: o.id, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', lines: [{ orderLineId: tee.id, quantity: 1 }] });
    const result = await open({
      orderId: o.id,
      kind: 'EXCHANGE',
      reasonCode: 'WRONG_SIZE',
      lines: [
        { orderLineId: tee.id, quantity: 2 },
        { orderLineId: randomUUID(), quantity: 1 },
        { orderLineId: cap.id, quantity: 0 },
      ],
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_QUANTITY', 'input.lines.0.quantity'],
      ['LINE_NOT_FOUND', 'input.lines.1.orderLineId'],
      ['INVALID_QUANTITY', 'input.lines.2.quantity'],
    ]);
    const requests = await database.db.select().from(returnRequest).where(eq(returnRequest.orderId, o.id));
    expect(requests).toHaveLength(1);
  });

  it('a rejected request frees its units, and a rejection needs a note', async () => {
    const { order: o, tee } = await shippedOrder();
    const first = await opened({ orderId: o.id, kind: 'RETURN', reasonCode: 'CHANGED_MIND', lines: [{ orderLineId: tee.id, quantity: 2 }] }, AS_STAFF);
    expect(first.openedBy).toBe('STAFF');
    const noNote = await mutate(database.db, (tx) => decideReturnRequest(tx, STAFF, { id: first.id, note: ' ' }, 'REJECTED'));
    expect(noNote.ok ? null : noNote.errors[0]!.code).toBe('NOTE_REQUIRED');
    const rejected = await mutate(database.db, (tx) => decideReturnRequest(tx, STAFF, { id: first.id, note: 'Worn.' }, 'REJECTED'));
    expect(rejected.ok && rejected.value).toMatchObject({ status: 'REJECTED', staffNote: 'Worn.' });
    await opened({ orderId: o.id, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', lines: [{ orderLineId: tee.id, quantity: 2 }] });
  });
});

describe('receiving and refunding', () => {
  it('approve, receive into stock (the ledger shows a RETURN), refund the item once', async () => {
    const { order: o, tee } = await shippedOrder();
    const request = await opened({ orderId: o.id, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', lines: [{ orderLineId: tee.id, quantity: 1 }] });
    const tooEarly = await refund(request.id);
    expect(tooEarly.ok ? null : tooEarly.errors[0]!.code).toBe('INVALID_STATE');
    expect((await approve(request.id)).ok).toBe(true);
    const [line] = await database.db.execute<{ id: string }>(sql`select id from orders.return_request_line where return_request_id = ${request.id}`);

    const badWarehouse = await mutate(database.db, (tx) =>
      receiveReturnRequest(tx, STAFF, { id: request.id, warehouseId: randomUUID(), lines: [{ lineId: line!.id, quantity: 1, disposition: 'RESTOCK' }] }),
    );
    expect(badWarehouse.ok ? null : badWarehouse.errors[0]!.code).toBe('WAREHOUSE_NOT_FOUND');

    const received = await mutate(database.db, (tx) =>
      receiveReturnRequest(tx, STAFF, { id: request.id, warehouseId, lines: [{ lineId: line!.id, quantity: 1, disposition: 'RESTOCK' }] }),
    );
    expect(received.ok && received.value.status).toBe('RECEIVED');
    const movements = await database.db.execute<{ kind: string; on_hand_delta: number }>(
      sql`select kind, on_hand_delta from stock.movement where reference = ${request.number} order by created_at`,
    );
    expect(movements.map((m) => [m.kind, m.on_hand_delta])).toEqual([['RETURN', 1]]);
    const [level] = await database.db.execute<{ on_hand: number }>(
      sql`select on_hand from stock.level where variant_id = ${tee.variantId} and warehouse_id = ${warehouseId}`,
    );
    expect(level!.on_hand).toBe(1);

    const refunded = await refund(request.id);
    expect(refunded.ok && refunded.value).toMatchObject({ status: 'REFUNDED', refundedMinor: 100_000n });
    expect((await moneyOf(database.db, o.id)).refundedMinor).toBe(100_000n);
    const again = await refund(request.id, '1.00');
    expect(again.ok ? null : again.errors[0]!.code).toBe('EXCEEDS_REQUEST');
    const kinds = (await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, o.id))).map((h) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['RETURN_REQUESTED', 'RETURN_APPROVED', 'RETURN_RECEIVED', 'RETURN_REFUNDED']));
    const events = (await eventsOf(o.id)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['after_sales.requested', 'after_sales.status_changed', 'after_sales.refunded']));
  });

  it('a damaged item is written off: the ledger shows its arrival and the loss, the level is unchanged', async () => {
    const { order: o, cap } = await shippedOrder();
    const request = await opened({ orderId: o.id, kind: 'RETURN', reasonCode: 'DAMAGED_IN_TRANSIT', lines: [{ orderLineId: cap.id, quantity: 1 }] });
    await approve(request.id);
    const [line] = await database.db.execute<{ id: string }>(sql`select id from orders.return_request_line where return_request_id = ${request.id}`);
    const received = await mutate(database.db, (tx) =>
      receiveReturnRequest(tx, STAFF, { id: request.id, warehouseId, lines: [{ lineId: line!.id, quantity: 1, disposition: 'WRITE_OFF' }] }),
    );
    expect(received.ok).toBe(true);
    const movements = await database.db.execute<{ kind: string; on_hand_delta: number; reason_code: string | null }>(
      sql`select kind, on_hand_delta, reason_code from stock.movement where reference = ${request.number} order by kind`,
    );
    expect(movements.map((m) => [m.kind, m.on_hand_delta, m.reason_code])).toEqual([['RETURN', 1, null], ['WRITE_OFF', -1, 'DAMAGED']]);
  });

  it('a refund above REFUND_STEP_UP_AMOUNT needs a step-up, and nothing is refunded without it', async () => {
    const { order: o, tee } = await shippedOrder({ unitMinor: 400_000n });
    const request = await opened({ orderId: o.id, kind: 'REFUND_ONLY', reasonCode: 'NOT_AS_DESCRIBED', lines: [{ orderLineId: tee.id, quantity: 2 }] });
    await approve(request.id);
    await expect(refund(request.id)).rejects.toMatchObject({ extensions: { code: 'STEP_UP_REQUIRED' } });
    expect((await moneyOf(database.db, o.id)).refundedMinor).toBe(0n);
    const stepped: Principal = { ...TEST_OPERATOR, stepUpUntil: Date.now() + 60_000 } as Principal;
    const done = await refund(request.id, undefined, false, stepped);
    expect(done.ok && done.value.refundedMinor).toBe(800_000n);
  });

  it('20 concurrent refunds totalling more than the capture refund at most what was captured', async () => {
    // 2,550.00 due, 1,000.00 captured; the request is worth everything with shipping.
    const { order: o, tee, cap } = await shippedOrder({ paidMinor: 100_000n });
    const request = await opened({
      orderId: o.id,
      kind: 'REFUND_ONLY',
      reasonCode: 'WRONG_ITEM',
      lines: [{ orderLineId: tee.id, quantity: 2 }, { orderLineId: cap.id, quantity: 1 }],
    });
    await approve(request.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => refund(request.id, '100.00', true)));
    const succeeded = results.filter((r) => r.ok).length;
    const refused = results.flatMap((r) => (r.ok ? [] : r.errors.map((e) => e.code)));
    expect(succeeded).toBe(10);
    expect(new Set(refused)).toEqual(new Set(['EXCEEDS_CAPTURED']));
    const money = await moneyOf(database.db, o.id);
    expect(money.refundedMinor).toBe(100_000n);
    const [row] = await database.db.select().from(returnRequest).where(and(eq(returnRequest.id, request.id)));
    expect(row!.refundedMinor).toBe(100_000n);
  });

  it('an exchange ships a replacement as a new shipment without a new payment; the units come from available stock', async () => {
    const { order: o, tee } = await shippedOrder();
    const request = await opened({ orderId: o.id, kind: 'EXCHANGE', reasonCode: 'WRONG_SIZE', lines: [{ orderLineId: tee.id, quantity: 1 }] });
    await approve(request.id);
    const exchange = (warehouse: string) =>
      mutate(database.db, (tx) => exchangeReturnRequest(tx, STAFF, { id: request.id, warehouseId: warehouse, carrierCode: 'KERRY', trackingNumber: 'KE-EXCH-1' }));
    const noStock = await exchange(warehouseId);
    expect(noStock.ok ? null : noStock.errors[0]!.code).toBe('SHIPMENT_REFUSED');
    await database.db.execute(sql`insert into stock.level (variant_id, warehouse_id, on_hand) values (${tee.variantId}, ${warehouseId}, 5)
      on conflict (variant_id, warehouse_id) do update set on_hand = stock.level.on_hand + 5`);
    const paymentsBefore = await database.db.execute(sql`select count(*)::int as n from orders.payment where order_id = ${o.id}`);
    const done = await exchange(warehouseId);
    expect(done.ok && done.value.status).toBe('EXCHANGED');
    const shipments = await database.db.execute<{ kind: string; return_request_id: string; tracking_number: string }>(
      sql`select kind, return_request_id, tracking_number from orders.shipment where order_id = ${o.id}`,
    );
    expect(shipments).toEqual([{ kind: 'REPLACEMENT', return_request_id: request.id, tracking_number: 'KE-EXCH-1' }]);
    expect(await database.db.execute(sql`select count(*)::int as n from orders.payment where order_id = ${o.id}`)).toEqual(paymentsBefore);
    const again = await exchange(warehouseId);
    expect(again.ok ? null : again.errors[0]!.code).toBe('INVALID_STATE');
  });

  it('a refund-only request ships nothing', async () => {
    const { order: o, cap } = await shippedOrder();
    const request = await opened({ orderId: o.id, kind: 'REFUND_ONLY', reasonCode: 'OTHER', lines: [{ orderLineId: cap.id, quantity: 1 }] });
    await approve(request.id);
    const result = await mutate(database.db, (tx) => exchangeReturnRequest(tx, STAFF, { id: request.id, warehouseId, carrierCode: 'KERRY' }));
    expect(result.ok ? null : result.errors[0]!.code).toBe('NOT_EXCHANGE');
  });
});

describe('privacy', () => {
  it("a member's export holds their requests with their note but not staff's, and what their photos are; erasing removes their words", async () => {
    const { memberOrdersExport, eraseMemberOrders } = await import('../src/privacy/service.js');
    const member = randomUUID();
    const { order: o, cap } = await shippedOrder({ memberId: member });
    const request = await opened(
      { orderId: o.id, kind: 'RETURN', reasonCode: 'OTHER', note: 'Call me on 0812345678', lines: [{ orderLineId: cap.id, quantity: 1 }] },
      AS_STAFF,
    );
    await mutate(database.db, (tx) => decideReturnRequest(tx, STAFF, { id: request.id, note: 'Internal: suspicious' }, 'APPROVED'));
    // Two photos on the request (rows only: the export never reads the files), and one of another member's.
    const [first, second] = await database.db
      .insert(returnPhoto)
      .values([
        { memberId: member, returnRequestId: request.id, position: 1, contentType: 'image/png', byteSize: 2_048 },
        { memberId: member, returnRequestId: request.id, position: 0, contentType: 'image/jpeg', byteSize: 123_456 },
      ])
      .returning();
    await database.db.insert(returnPhoto).values({ memberId: randomUUID(), contentType: 'image/jpeg', byteSize: 10 });
    const exported = await memberOrdersExport(database.db, member);
    const requests = exported.orders.flatMap((x) => x.returnRequests);
    expect(requests).toEqual([expect.objectContaining({ number: request.number, customerNote: 'Call me on 0812345678', lines: [expect.objectContaining({ quantity: 1 })] })]);
    expect(requests[0]!.photos).toEqual([
      { id: second!.id, contentType: 'image/jpeg', byteSize: 123_456, uploadedAt: second!.createdAt },
      { id: first!.id, contentType: 'image/png', byteSize: 2_048, uploadedAt: first!.createdAt },
    ]);
    expect(JSON.stringify(exported, (_, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('suspicious');
    await database.db.transaction((tx) => eraseMemberOrders(tx, member));
    const [row] = await database.db.select().from(returnRequest).where(eq(returnRequest.id, request.id));
    expect(row!.customerNote).toBeNull();
  });
});
