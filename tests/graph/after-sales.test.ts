import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER, staffLogin } from '../kit/callers.js';

// Twenty refunds at once by one caller: the point is the money, not the caller's rate budget nor the step-up
// threshold (subgraphs/orders/test/after-sales.test.ts covers step-up).
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
  process.env.REFUND_STEP_UP_AMOUNT = '100000000';
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const M = {
  create: `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { order { id total { amount } lines { id quantity } } userErrors { code message } } }`,
  markPaid: `mutation ($input: OrderMarkPaidInput!) { orderMarkPaid(input: $input) { userErrors { code message } } }`,
  fulfil: `mutation ($input: OrderFulfilInput!) { orderFulfil(input: $input) { userErrors { code message } } }`,
  ship: `mutation ($input: OrderShipInput!) { orderShip(input: $input) { userErrors { code message } } }`,
  flagRules: `mutation ($input: OrderFlagRulesUpdateInput!) { orderFlagRulesUpdate(input: $input) { userErrors { code message } } }`,
  myCreate: `mutation ($input: MyReturnRequestCreateInput!) { myReturnRequestCreate(input: $input) { returnRequest { id number status kind reasonCode customerNote } userErrors { field code message } } }`,
  create_: `mutation ($input: ReturnRequestCreateInput!) { returnRequestCreate(input: $input) { returnRequest { id lines { id quantity } } userErrors { field code message } } }`,
  approve: `mutation ($input: ReturnRequestDecideInput!) { returnRequestApprove(input: $input) { returnRequest { id status staffNote } userErrors { field code message } } }`,
  receive: `mutation ($input: ReturnRequestReceiveInput!) { returnRequestReceive(input: $input) { returnRequest { id status lines { receivedQuantity disposition warehouseId } } userErrors { field code message } } }`,
  refund: `mutation ($input: ReturnRequestRefundInput!) { returnRequestRefund(input: $input) { returnRequest { id status refunded { amount currencyCode } } userErrors { field code message } } }`,
};

describe.each(['in-process', 'distributed'] as const)('after-sales through the gateway (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let operator: Record<string, string>;
  let customer: Record<string, string>;
  let otherCustomer: Record<string, string>;
  let memberId: string;
  let variantId: string;
  let warehouseId: string;

  /** Runs a mutation that must be accepted; returns its payload. */
  async function must(query: string, input: Record<string, unknown>, headers = owner) {
    const { body } = await gateway.query(query, { input }, headers);
    const payload = Object.values(body.data ?? {})[0] as { userErrors?: unknown[] } | null;
    if (body.errors?.length || !payload || payload.userErrors?.length) throw new Error(`refused: ${JSON.stringify(body)}`);
    return payload as any;
  }

  /** A shipped order of the demo customer, fully paid; `quantity` units of one variant. */
  async function shippedOrder(quantity = 2): Promise<{ id: string; total: string; lineId: string }> {
    const created = await must(M.create, { channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity }], address: uniqueAddress() });
    const order = created.order;
    await must(M.markPaid, { orderId: order.id, method: 'CASH' });
    await must(M.fulfil, { id: order.id });
    await must(M.ship, { id: order.id, carrier: 'Kerry', trackingNumber: `KE${Date.now()}` });
    return { id: order.id, total: order.total.amount, lineId: order.lines[0].id };
  }

  beforeAll(async () => {
    database = await createTestDatabase({ max: 30 });
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
    // Order operators hold orders:write and orders:read_internal but not orders:refund.
    operator = bearer(await staffLogin(gateway, 'order_operator@shop.test', 'demo-order_operator-password'));
    customer = bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
    otherCustomer = bearer(await customerLogin(gateway, 'member2@example.test', 'demo-customer-password'));
    const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
    memberId = member!.id;
    const [variant] = await sellableVariants(database.db, 1);
    variantId = variant!.id;
    await setAvailable(database.db, variantId, 100_000);
    const [warehouse] = await database.db.execute<{ id: string }>(sql`select id from stock.warehouse order by priority limit 1`);
    warehouseId = warehouse!.id;
    const rules = ['HIGH_TOTAL', 'REPEATED_ADDRESS', 'REPEATED_PHONE', 'INCOMPLETE_ADDRESS', 'PAYMENT_MISMATCH', 'FIRST_ORDER_HIGH_TOTAL'];
    await must(M.flagRules, { rules: rules.map((rule) => ({ rule, enabled: false })) });
  }, 300_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('a customer returns one item with a quality reason; staff approve, receive it into stock (the ledger shows it) and refund it', async () => {
    const order = await shippedOrder(2);
    const opened = await must(
      M.myCreate,
      { orderId: order.id, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', note: 'The seam is torn', lines: [{ orderLineId: order.lineId, quantity: 1 }] },
      customer,
    );
    expect(opened.returnRequest).toMatchObject({ status: 'REQUESTED', kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', customerNote: 'The seam is torn' });
    const id = opened.returnRequest.id as string;

    const queue = await gateway.query(`{ returnRequests(first: 5, filter: { status: [REQUESTED], reasonCode: [QUALITY_DEFECT] }) { totalCount edges { node { id number order { id } } } } }`, {}, operator);
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.returnRequests.edges.map((e: any) => e.node.id)).toContain(id);

    const approved = await must(M.approve, { id, note: 'Photo checked; defect confirmed' }, operator);
    expect(approved.returnRequest).toMatchObject({ status: 'APPROVED', staffNote: 'Photo checked; defect confirmed' });
    const { body: detail } = await gateway.query(`query ($id: ID!) { returnRequest(id: $id) { lines { id quantity orderLine { id } } } }`, { id }, operator);
    const lineId = detail.data.returnRequest.lines[0].id;
    const received = await must(M.receive, { id, warehouseId, lines: [{ lineId, quantity: 1, disposition: 'RESTOCK' }] }, operator);
    expect(received.returnRequest).toMatchObject({ status: 'RECEIVED', lines: [{ receivedQuantity: 1, disposition: 'RESTOCK', warehouseId }] });

    const ledger = await gateway.query(
      `query ($v: ID!, $w: ID) { stockMovements(variantId: $v, warehouseId: $w, first: 5) { edges { node { kind onHandDelta reference } } } }`,
      { v: variantId, w: warehouseId },
      owner,
    );
    expect(ledger.body.data.stockMovements.edges.map((e: any) => e.node)).toContainEqual({ kind: 'RETURN', onHandDelta: 1, reference: opened.returnRequest.number });

    // Refunds need orders:refund: the operator is refused before anything moves.
    const denied = await gateway.query(M.refund, { input: { id } }, operator);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unit = (Number(order.total) / 2).toFixed(2);
    const refunded = await must(M.refund, { id }, owner);
    expect(refunded.returnRequest).toMatchObject({ status: 'REFUNDED', refunded: { amount: unit, currencyCode: 'THB' } });
    const { body: after } = await gateway.query(
      `query ($id: ID!) { order(id: $id) { paymentState history { kind } } }`,
      { id: order.id },
      owner,
    );
    expect(after.data.order.paymentState).toBe('PARTIALLY_REFUNDED');
    expect(after.data.order.history.map((h: any) => h.kind)).toEqual(
      expect.arrayContaining(['RETURN_REQUESTED', 'RETURN_APPROVED', 'RETURN_RECEIVED', 'RETURN_REFUNDED']),
    );

    // The customer follows the status, never staff notes.
    const mine = await gateway.query(`{ myReturnRequests(first: 10) { edges { node { id status refunded { amount } } } } }`, {}, customer);
    expect(mine.body.data.myReturnRequests.edges.map((e: any) => e.node)).toContainEqual({ id, status: 'REFUNDED', refunded: { amount: unit } });
    const note = await gateway.query(`query ($id: ID!) { returnRequest(id: $id) { status staffNote } }`, { id }, customer);
    expect(note.body.data.returnRequest).toEqual({ status: 'REFUNDED', staffNote: null });
    expect(note.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const timeline = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { history { kind staff { id } } } }`, { id: order.id }, customer);
    const kinds = timeline.body.data.myOrder.history.map((h: any) => h.kind);
    expect(kinds).toContain('RETURN_APPROVED');
    expect(timeline.body.data.myOrder.history.every((h: any) => h.staff === null)).toBe(true);
  });

  it("a customer can't see or use another customer's requests", async () => {
    const order = await shippedOrder(1);
    const opened = await must(
      M.myCreate,
      { orderId: order.id, kind: 'EXCHANGE', reasonCode: 'WRONG_SIZE', note: 'Too small', lines: [{ orderLineId: order.lineId, quantity: 1 }] },
      customer,
    );
    const id = opened.returnRequest.id as string;
    const single = await gateway.query(`query ($id: ID!) { returnRequest(id: $id) { id customerNote } }`, { id }, otherCustomer);
    expect(single.body.data.returnRequest).toBeNull();
    const list = await gateway.query(`{ myReturnRequests(first: 50) { edges { node { id } } } }`, {}, otherCustomer);
    expect(list.body.data.myReturnRequests.edges.map((e: any) => e.node.id)).not.toContain(id);
    const staffList = await gateway.query(`{ returnRequests(first: 5) { totalCount } }`, {}, otherCustomer);
    expect(staffList.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const onTheirOrder = await gateway.query(M.myCreate, { input: { orderId: order.id, kind: 'RETURN', reasonCode: 'OTHER', lines: [{ orderLineId: order.lineId, quantity: 1 }] } }, otherCustomer);
    expect(onTheirOrder.body.data.myReturnRequestCreate.userErrors).toEqual([expect.objectContaining({ code: 'ORDER_NOT_FOUND', field: ['input', 'orderId'] })]);
  });

  it('bad input comes back as userErrors with field paths, and nothing is opened', async () => {
    const order = await shippedOrder(1);
    const { body } = await gateway.query(
      M.myCreate,
      { input: { orderId: order.id, kind: 'RETURN', reasonCode: 'CHANGED_MIND', note: 'x'.repeat(2001), lines: [{ orderLineId: order.lineId, quantity: 5 }] } },
      customer,
    );
    expect(body.data.myReturnRequestCreate).toMatchObject({ returnRequest: null, userErrors: [{ field: ['input', 'note'], code: 'INVALID_NOTE' }] });
    const tooMany = await gateway.query(
      M.myCreate,
      { input: { orderId: order.id, kind: 'RETURN', reasonCode: 'CHANGED_MIND', lines: [{ orderLineId: order.lineId, quantity: 5 }] } },
      customer,
    );
    expect(tooMany.body.data.myReturnRequestCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'lines', '0', 'quantity'], code: 'INVALID_QUANTITY' }),
    ]);
    const amount = await gateway.query(M.refund, { input: { id: '00000000-0000-4000-8000-000000000000', amount: '1.00' } }, owner);
    expect(amount.body.data.returnRequestRefund.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    const count = await gateway.query(`query ($id: ID!) { returnRequests(first: 1, filter: { orderId: $id }) { totalCount } }`, { id: order.id }, owner);
    expect(count.body.data.returnRequests.totalCount).toBe(0);
  });

  it('20 concurrent refunds totalling more than the capture refund at most what was captured', async () => {
    const order = await shippedOrder(3);
    const opened = await must(M.create_, { orderId: order.id, kind: 'REFUND_ONLY', reasonCode: 'NOT_AS_DESCRIBED', lines: [{ orderLineId: order.lineId, quantity: 3 }] });
    const id = opened.returnRequest.id as string;
    await must(M.approve, { id });
    const totalMinor = Math.round(Number(order.total) * 100);
    // Each asks for just over a ninth of the whole: twenty of them ask for more than twice the capture.
    const eachMinor = Math.ceil(totalMinor / 9) + 1;
    const each = (eachMinor / 100).toFixed(2);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => gateway.query(M.refund, { input: { id, amount: each, includeShipping: true } }, owner)),
    );
    const ok = results.filter((r) => !r.body.errors && r.body.data.returnRequestRefund.userErrors.length === 0).length;
    const codes = new Set(results.flatMap((r) => r.body.data?.returnRequestRefund?.userErrors.map((e: any) => e.code) ?? ['ERROR']));
    expect(ok * eachMinor).toBeLessThanOrEqual(totalMinor);
    expect((ok + 1) * eachMinor).toBeGreaterThan(totalMinor);
    expect([...codes].every((c) => c === 'EXCEEDS_CAPTURED' || c === 'EXCEEDS_REQUEST')).toBe(true);
    const { body } = await gateway.query(`query ($id: ID!) { order(id: $id) { payments { capturedAmount { amount } refundedAmount { amount } } } }`, { id: order.id }, owner);
    const refundedMinor = body.data.order.payments.reduce((sum: number, p: any) => sum + Math.round(Number(p.refundedAmount.amount) * 100), 0);
    const capturedMinor = body.data.order.payments.reduce((sum: number, p: any) => sum + Math.round(Number(p.capturedAmount.amount) * 100), 0);
    expect(refundedMinor).toBe(ok * eachMinor);
    expect(refundedMinor).toBeLessThanOrEqual(capturedMinor);
  });
});
