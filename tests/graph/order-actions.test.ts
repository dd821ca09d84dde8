import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER, DEMO_PARTNER_KEY, staffLogin } from '../kit/callers.js';

// Hundreds of mutations by one caller: the point is what each may do, not the caller's rate budget.
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
  process.env.SANDBOX_WEBHOOK_SECRET = 'test-sandbox-webhook-secret';
});

let database: TestDatabase;
let gateway: TestGateway;
let owner: Record<string, string>;
let variantId: string;
let memberId: string;
const callers: Record<string, Record<string, string>> = {};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const CARD = { number: '4242424242424242', expiryMonth: 12, expiryYear: 2040, cvc: '123' };

interface OrderState {
  id: string;
  status: string;
  availableActions: string[] | null;
  payments: { id: string; status: string; provider: string; capturedAmount: { amount: string }; refundedAmount: { amount: string } }[];
}

/** Runs a mutation; true when the graph accepted it (no errors, no userErrors). */
async function succeeds(query: string, input: Record<string, unknown>, headers: Record<string, string>): Promise<boolean> {
  const { body } = await gateway.query(query, { input }, headers);
  if (body.errors?.length) return false;
  const payload = Object.values(body.data ?? {})[0] as { userErrors?: unknown[] } | null;
  return payload !== null && payload !== undefined && (payload.userErrors ?? []).length === 0;
}

/** Runs a mutation that sets an order up; fails the test when it is refused. */
async function must(query: string, input: Record<string, unknown>, headers = owner): Promise<void> {
  const { body } = await gateway.query(query, { input }, headers);
  const payload = Object.values(body.data ?? {})[0] as { userErrors?: unknown[] } | null;
  if (body.errors?.length || !payload || payload.userErrors?.length) throw new Error(`setup refused: ${JSON.stringify(body)}`);
}

const M = {
  create: `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { order { id } userErrors { code message } } }`,
  markPaid: `mutation ($input: OrderMarkPaidInput!) { orderMarkPaid(input: $input) { userErrors { code message } } }`,
  record: `mutation ($input: PaymentRecordInput!) { paymentRecord(input: $input) { userErrors { code message } } }`,
  payByCard: `mutation ($input: PaymentSandboxAuthorizeInput!) { paymentSandboxAuthorize(input: $input) { userErrors { code message } } }`,
  capture: `mutation ($input: PaymentCaptureInput!) { paymentCapture(input: $input) { userErrors { code message } } }`,
  refund: `mutation ($input: PaymentRefundInput!) { paymentRefund(input: $input) { userErrors { code message } } }`,
  fulfil: `mutation ($input: OrderFulfilInput!) { orderFulfil(input: $input) { userErrors { code message } } }`,
  ship: `mutation ($input: OrderShipInput!) { orderShip(input: $input) { userErrors { code message } } }`,
  deliver: `mutation ($input: OrderMarkDeliveredInput!) { orderMarkDelivered(input: $input) { userErrors { code message } } }`,
  complete: `mutation ($input: OrderCompleteInput!) { orderComplete(input: $input) { userErrors { code message } } }`,
  hold: `mutation ($input: OrderHoldInput!) { orderHold(input: $input) { userErrors { code message } } }`,
  release: `mutation ($input: OrderReleaseInput!) { orderRelease(input: $input) { userErrors { code message } } }`,
  cancel: `mutation ($input: OrderCancelInput!) { orderCancel(input: $input) { userErrors { code message } } }`,
  close: `mutation ($input: OrderCloseInput!) { orderClose(input: $input) { userErrors { code message } } }`,
  note: `mutation ($input: OrderNoteAddInput!) { orderNoteAdd(input: $input) { userErrors { code message } } }`,
  tagsAdd: `mutation ($input: OrderTagsInput!) { orderTagsAdd(input: $input) { userErrors { code message } } }`,
  tagsRemove: `mutation ($input: OrderTagsInput!) { orderTagsRemove(input: $input) { userErrors { code message } } }`,
};

/** The payment an action on payments is tried with: the one it could work on, else the first. */
const paymentFor = (order: OrderState, usable: (p: OrderState['payments'][number]) => boolean) =>
  (order.payments.find(usable) ?? order.payments[0])!.id;

/** Each OrderAction as the mutation it names, with valid input for this order. */
const ATTEMPTS: Record<string, (order: OrderState, headers: Record<string, string>) => Promise<boolean>> = {
  MARK_PAID: (o, h) => succeeds(M.markPaid, { orderId: o.id, method: 'CASH' }, h),
  RECORD_PAYMENT: (o, h) => succeeds(M.record, { orderId: o.id, method: 'CASH', amount: '1.00' }, h),
  PAY_BY_CARD: (o, h) => succeeds(M.payByCard, { orderId: o.id, card: CARD }, h),
  CAPTURE_PAYMENT: (o, h) => succeeds(M.capture, { paymentId: paymentFor(o, (p) => p.status === 'AUTHORIZED') }, h),
  REFUND_PAYMENT: (o, h) =>
    succeeds(M.refund, { paymentId: paymentFor(o, (p) => p.capturedAmount.amount !== p.refundedAmount.amount), amount: '1.00', reason: 'Test' }, h),
  FULFIL: (o, h) => succeeds(M.fulfil, { id: o.id }, h),
  SHIP: (o, h) => succeeds(M.ship, { id: o.id, carrier: 'Kerry', trackingNumber: 'KE123' }, h),
  MARK_DELIVERED: (o, h) => succeeds(M.deliver, { id: o.id }, h),
  COMPLETE: (o, h) => succeeds(M.complete, { id: o.id }, h),
  HOLD: (o, h) => succeeds(M.hold, { orderId: o.id, reason: 'Check the address' }, h),
  RELEASE: (o, h) => succeeds(M.release, { orderId: o.id }, h),
  CANCEL: (o, h) => succeeds(M.cancel, { id: o.id }, h),
  CLOSE: (o, h) => succeeds(M.close, { id: o.id }, h),
  ADD_NOTE: (o, h) => succeeds(M.note, { id: o.id, note: 'Called the customer' }, h),
  ADD_TAGS: (o, h) => succeeds(M.tagsAdd, { id: o.id, tags: ['vip'] }, h),
  REMOVE_TAGS: (o, h) => succeeds(M.tagsRemove, { id: o.id, tags: ['vip'] }, h),
};

/** A new order of the demo customer, waiting for payment. */
async function pendingOrder(): Promise<string> {
  const { body } = await gateway.query(
    M.create,
    { input: { channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity: 1 }], address: uniqueAddress() } },
    owner,
  );
  const id = body.data?.orderCreate?.order?.id;
  if (!id) throw new Error(`orderCreate refused: ${JSON.stringify(body)}`);
  return id;
}

/** Each state an order can be found in, made through the graph as the shop would. */
const SETUPS: Record<string, () => Promise<string>> = {
  PENDING_PAYMENT: pendingOrder,
  'PENDING_PAYMENT, partly paid': async () => {
    const id = await pendingOrder();
    await must(M.record, { orderId: id, method: 'BANK_TRANSFER', amount: '1.00' });
    return id;
  },
  'PENDING_PAYMENT, card authorised': async () => {
    const id = await pendingOrder();
    await must(M.payByCard, { orderId: id, card: CARD }, callers.customer);
    return id;
  },
  'PENDING_PAYMENT, on hold': async () => {
    const id = await pendingOrder();
    await must(M.hold, { orderId: id, reason: 'Check the address' });
    return id;
  },
  PAID: async () => {
    const id = await pendingOrder();
    await must(M.markPaid, { orderId: id, method: 'CASH' });
    return id;
  },
  'PAID, on hold': async () => {
    const id = await SETUPS.PAID!();
    await must(M.hold, { orderId: id, reason: 'Check the address' });
    return id;
  },
  FULFILLING: async () => {
    const id = await SETUPS.PAID!();
    await must(M.fulfil, { id });
    return id;
  },
  SHIPPED: async () => {
    const id = await SETUPS.FULFILLING!();
    await must(M.ship, { id, carrier: 'Kerry', trackingNumber: 'KE1' });
    return id;
  },
  DELIVERED: async () => {
    const id = await SETUPS.SHIPPED!();
    await must(M.deliver, { id });
    return id;
  },
  COMPLETED: async () => {
    const id = await SETUPS.DELIVERED!();
    await must(M.complete, { id });
    return id;
  },
  'CANCELLED after payment': async () => {
    const id = await SETUPS.PAID!();
    await must(M.cancel, { id });
    return id;
  },
  CLOSED: async () => {
    const id = await pendingOrder();
    await must(M.close, { id });
    return id;
  },
};

async function orderAs(id: string, headers: Record<string, string>): Promise<OrderState> {
  const { body } = await gateway.query(
    `query ($id: ID!) { order(id: $id) { id status availableActions
      payments { id status provider capturedAmount { amount } refundedAmount { amount } } } }`,
    { id },
    headers,
  );
  if (body.errors?.length || !body.data?.order) throw new Error(`order ${id} unreadable: ${JSON.stringify(body)}`);
  return body.data.order;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  gateway = await startTestGateway('in-process', database.db);
  owner = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
  for (const role of ['order_operator', 'customer_service', 'analyst']) {
    callers[role] = bearer(await staffLogin(gateway, `${role}@shop.test`, `demo-${role}-password`));
  }
  callers.owner = owner;
  callers.customer = bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
  // A partner key holding orders:read only.
  callers.partner = bearer(DEMO_PARTNER_KEY);
  const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
  memberId = member!.id;
  const [variant] = await sellableVariants(database.db, 1);
  variantId = variant!.id;
  await setAvailable(database.db, variantId, 100_000);
  // The abnormal-order rules would hold some of these orders on their own; holds are set up by hand here.
  const rules = ['HIGH_TOTAL', 'REPEATED_ADDRESS', 'REPEATED_PHONE', 'INCOMPLETE_ADDRESS', 'PAYMENT_MISMATCH', 'FIRST_ORDER_HIGH_TOTAL'];
  await must(
    `mutation ($input: OrderFlagRulesUpdateInput!) { orderFlagRulesUpdate(input: $input) { userErrors { code message } } }`,
    { rules: rules.map((rule) => ({ rule, enabled: false })) },
  );
}, 300_000);
afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

describe('Order.availableActions', () => {
  const cases = Object.keys(SETUPS).flatMap((state) =>
    ['owner', 'order_operator', 'customer_service', 'analyst', 'partner', 'customer'].map((caller) => [state, caller] as const),
  );

  it.each(cases)('%s, as %s: lists exactly the mutations that then succeed', async (state, caller) => {
    const headers = callers[caller]!;
    let order = await orderAs(await SETUPS[state]!(), owner);
    const listed = (await orderAs(order.id, headers)).availableActions!;
    const succeeded: string[] = [];
    // A refused attempt changes nothing, so the next one is tried on the same order.
    for (const [action, attempt] of Object.entries(ATTEMPTS)) {
      if (await attempt(order, headers)) {
        succeeded.push(action);
        // That one changed the order: the next action is tried on a new order in the same state.
        order = await orderAs(await SETUPS[state]!(), owner);
        expect((await orderAs(order.id, headers)).availableActions).toEqual(listed);
      }
    }
    expect(new Set(listed)).toEqual(new Set(succeeded));
  });

  it('lists a paid order\'s actions in the order the work flows, and none for a reader of orders', async () => {
    const id = await SETUPS.PAID!();
    // A phone order completes only after delivery (only a till sale goes from PAID to COMPLETED).
    expect((await orderAs(id, owner)).availableActions).toEqual([
      'RECORD_PAYMENT',
      'FULFIL',
      'HOLD',
      'CANCEL',
      'REFUND_PAYMENT',
      'ADD_NOTE',
      'ADD_TAGS',
      'REMOVE_TAGS',
    ]);
    expect((await orderAs(id, callers.analyst!)).availableActions).toEqual([]);
  });
});
