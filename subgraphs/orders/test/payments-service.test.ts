import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { graphql } from 'graphql';
import { log, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { orders } from '../src/index.js';
import { systemActor } from '../src/history/index.js';
import { createPendingPayment, paymentStateCondition, recordManualPayment } from '../src/payments/index.js';
import { applyProviderEvent } from '../src/payments/service.js';
import { seedPayments } from '../src/payments/seed.js';
import { payment, paymentTransaction } from '../src/payments/tables.js';
import { seed } from '../src/seed.js';
import { order, orderHistory, type OrderRow } from '../src/tables.js';
import { makeOrderPlan } from './factories.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';

let database: TestDatabase;
const STAFF = { kind: 'staff' as const, id: TEST_OPERATOR.kind === 'staff' ? TEST_OPERATOR.staffId : null, label: 'Staff' };
const MEMBER = randomUUID();
const CUSTOMER: Principal = { kind: 'customer', memberId: MEMBER, sessionId: randomUUID() };
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A placed order waiting for payment, with its pending payment, shipping to a complete address. */
async function placeOrder(overrides: Partial<typeof order.$inferInsert> = {}, provider: 'MANUAL' | 'SANDBOX' = 'MANUAL'): Promise<OrderRow> {
  const [row] = await database.db
    .insert(order)
    .values({
      number: `SO-PAY-${++sequence}-${randomUUID().slice(0, 6)}`,
      channel: 'ONLINE_STORE',
      totalMinor: 100_000n,
      currencyCode: 'THB',
      memberId: MEMBER,
      cartId: randomUUID(),
      shipName: 'Somchai', shipPhone: '+66 81 234 5678', shipPhoneDigits: '66812345678',
      shipLine1: `${sequence} Sukhumvit Rd`, shipCity: 'Bangkok', shipPostalCode: '10110', shipCountry: 'TH',
      ...overrides,
    })
    .returning();
  await createPendingPayment(database.db, { orderId: row!.id, provider, amountMinor: row!.totalMinor, currencyCode: 'THB' });
  return row!;
}

const reload = async (id: string) => (await database.db.select().from(order).where(eq(order.id, id)))[0]!;

function execute(source: string, variableValues: Record<string, unknown> = {}, principal: Principal = TEST_OPERATOR) {
  const contextValue = orders.createContext({ db: database.db, principal, requestId: 't', log, changes: [] });
  return graphql({ schema: orders.schema, source, contextValue, variableValues });
}

const STATE = `query ($id: ID!) { order(id: $id) { status paymentState paidAmount { amount currencyCode } onHold
  payments { provider method status amount { amount } capturedAmount { amount } refundedAmount { amount } reference card { brand last4 }
             transactions { kind amount { amount } reference note } } } }`;

type Transaction = { kind: string; amount: { amount: string }; reference: string | null; note: string | null };
type PaymentState = { provider: string; method: string; status: string; reference: string | null; transactions: Transaction[] };
type OrderState = { status: string; paymentState: string; onHold: boolean; payments: PaymentState[] };
/** What `mutation` selects by default; callers that select more read it through toMatchObject. */
type Payload = { payment: { id: string; status: string } | null; order: { status: string } | null; userErrors: { field: string[] | null; code: string; message: string }[] };

async function stateOf(id: string) {
  const result = await execute(STATE, { id });
  expect(result.errors).toBeUndefined();
  return dataOf<{ order: OrderState }>(result).order;
}

async function mutation(name: string, input: Record<string, unknown>, principal: Principal = TEST_OPERATOR, select = 'payment { id status } order { status }') {
  const result = await execute(
    `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${select} userErrors { field code message } } }`,
    { input },
    principal,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return dataOf<Record<string, Payload>>(result)[name];
}

const count = async (table: typeof payment | typeof paymentTransaction | typeof orderHistory) => database.db.$count(table);

describe('manual payments', () => {
  it('a payment of the whole total moves a pending order to PAID and voids the unused pending payment', async () => {
    const row = await placeOrder();
    const recorded = await database.db.transaction((tx) =>
      recordManualPayment(tx, { orderId: row.id, method: 'BANK_TRANSFER', amountMinor: 100_000n, currencyCode: 'THB', actor: STAFF, reference: 'KBANK 123' }),
    );
    expect(recorded.ok).toBe(true);
    const state = await stateOf(row.id);
    expect(state).toMatchObject({ status: 'PAID', paymentState: 'PAID', paidAmount: { amount: '1000.00', currencyCode: 'THB' }, onHold: false });
    expect(state.payments.map((p) => [p.provider, p.status])).toEqual([['MANUAL', 'VOIDED'], ['MANUAL', 'CAPTURED']]);
    expect(state.payments[1].transactions).toEqual([{ kind: 'CAPTURE', amount: { amount: '1000.00' }, reference: null, note: 'KBANK 123' }]);
    const history = await database.db.select().from(orderHistory).where(eq(orderHistory.orderId, row.id));
    expect(history.map((h) => h.kind).sort()).toEqual(['PAYMENT', 'TRANSITION']);
    expect(history.find((h) => h.kind === 'TRANSITION')).toMatchObject({ fromStatus: 'PENDING_PAYMENT', toStatus: 'PAID', actorKind: 'staff' });
  });

  it('a partial payment leaves the order pending with PARTIALLY_PAID; the rest makes it PAID', async () => {
    const row = await placeOrder();
    const first = await mutation('paymentRecord', { orderId: row.id, method: 'CASH_ON_DELIVERY', amount: '400.00' });
    expect(first).toMatchObject({ userErrors: [], order: { status: 'PENDING_PAYMENT' } });
    expect(await stateOf(row.id)).toMatchObject({ status: 'PENDING_PAYMENT', paymentState: 'PARTIALLY_PAID', paidAmount: { amount: '400.00' } });
    const rest = await mutation('orderMarkPaid', { orderId: row.id, method: 'BANK_TRANSFER', reference: 'slip 9' });
    expect(rest).toMatchObject({ userErrors: [], order: { status: 'PAID' } });
    expect(await stateOf(row.id)).toMatchObject({ paymentState: 'PAID', paidAmount: { amount: '1000.00' } });
    expect(await mutation('orderMarkPaid', { orderId: row.id, method: 'CASH' })).toMatchObject({
      payment: null, userErrors: [{ code: 'NOTHING_DUE', field: ['input', 'orderId'] }],
    });
  });

  it('bad input is a userError and writes nothing', async () => {
    const row = await placeOrder();
    const before = [await count(payment), await count(paymentTransaction), await count(orderHistory)];
    for (const [input, code, field] of [
      [{ orderId: row.id, method: 'CASH', amount: '0' }, 'INVALID_AMOUNT', 'amount'],
      [{ orderId: row.id, method: 'CASH', amount: '1.234' }, 'INVALID_AMOUNT', 'amount'],
      [{ orderId: row.id, method: 'CASH', amount: '-5' }, 'INVALID_AMOUNT', 'amount'],
      [{ orderId: randomUUID(), method: 'CASH', amount: '5' }, 'NOT_FOUND', 'orderId'],
      [{ orderId: 'nope', method: 'CASH', amount: '5' }, 'NOT_FOUND', 'orderId'],
    ] as const) {
      expect(await mutation('paymentRecord', input)).toMatchObject({ payment: null, userErrors: [{ code, field: ['input', field] }] });
    }
    const wrongCurrency = await database.db.transaction((tx) =>
      recordManualPayment(tx, { orderId: row.id, method: 'cash', amountMinor: 5n, currencyCode: 'USD', actor: STAFF }),
    );
    expect(wrongCurrency).toMatchObject({ ok: false, errors: [{ code: 'CURRENCY_MISMATCH' }] });
    expect([await count(payment), await count(paymentTransaction), await count(orderHistory)]).toEqual(before);
  });

  it('free-text methods from the till and marketplace imports map onto the enum, keeping unknown names', async () => {
    const till = await placeOrder({ channel: 'POINT_OF_SALE' });
    const tillPaid = await database.db.transaction((tx) =>
      recordManualPayment(tx, { orderId: till.id, method: 'card', amountMinor: 100_000n, currencyCode: 'THB', actor: STAFF }),
    );
    expect(tillPaid).toMatchObject({ ok: true, value: { method: 'CARD_TERMINAL', status: 'CAPTURED' } });
    const imported = await placeOrder({ channel: 'MARKETPLACE' });
    await database.db.transaction((tx) =>
      recordManualPayment(tx, { orderId: imported.id, method: 'lazada', amountMinor: 100_000n, currencyCode: 'THB', actor: STAFF, reference: 'LZ-1' }),
    );
    const state = await stateOf(imported.id);
    expect(state.payments[1]).toMatchObject({ method: 'OTHER', transactions: [{ note: 'lazada: LZ-1' }] });
  });

  it('an over-payment is OVERPAID and flags the order PAYMENT_MISMATCH', async () => {
    const row = await placeOrder();
    expect(await mutation('paymentRecord', { orderId: row.id, method: 'BANK_TRANSFER', amount: '1200.00' })).toMatchObject({ userErrors: [] });
    const state = await stateOf(row.id);
    expect(state).toMatchObject({ status: 'PAID', paymentState: 'OVERPAID', onHold: true });
  });
});

const CARD = { number: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: new Date().getFullYear() + 2, cvc: '123' };
const jobs = async () => Number((await database.db.execute<{ n: string }>(sql`select count(*)::text as n from graphile_worker.jobs where task_identifier = 'payments.sandboxWebhook'`))[0]!.n);

describe('sandbox card payments', () => {
  it('the order\'s customer authorises, an operator captures, and the order becomes PAID; each step queues a webhook', async () => {
    const row = await placeOrder({}, 'SANDBOX');
    const jobsBefore = await jobs();
    const authorized = await mutation('paymentSandboxAuthorize', { orderId: row.id, card: CARD }, CUSTOMER, 'payment { id status card { brand last4 } }');
    expect(authorized).toMatchObject({ userErrors: [], payment: { status: 'AUTHORIZED', card: { brand: 'VISA', last4: '4242' } } });
    expect(await stateOf(row.id)).toMatchObject({ status: 'PENDING_PAYMENT', paymentState: 'UNPAID' });
    // Authorising again while the first authorisation covers the total is refused.
    expect(await mutation('paymentSandboxAuthorize', { orderId: row.id, card: CARD }, CUSTOMER)).toMatchObject({ userErrors: [{ code: 'NOTHING_DUE' }] });
    const tooMuch = await mutation('paymentCapture', { paymentId: authorized.payment!.id, amount: '1000.01' });
    expect(tooMuch).toMatchObject({ userErrors: [{ code: 'EXCEEDS_AUTHORIZED', field: ['input', 'amount'] }] });
    const captured = await mutation('paymentCapture', { paymentId: authorized.payment!.id });
    expect(captured).toMatchObject({ userErrors: [], payment: { status: 'CAPTURED' }, order: { status: 'PAID' } });
    const state = await stateOf(row.id);
    expect(state.payments).toHaveLength(1); // the pending SANDBOX payment was adopted by the authorisation
    expect(state.payments[0].transactions.map((t) => t.kind)).toEqual(['AUTHORIZATION', 'CAPTURE']);
    expect(state.payments[0].reference).toMatch(/^sbx_auth_/);
    expect(await jobs()).toBe(jobsBefore + 2);
  });

  it('a guest pays with the cart the order came from; without it the order is NOT_FOUND', async () => {
    const row = await placeOrder({ memberId: null });
    const anonymous: Principal = { kind: 'anonymous' };
    expect(await mutation('paymentSandboxAuthorize', { orderId: row.id, card: CARD }, anonymous)).toMatchObject({
      payment: null, userErrors: [{ code: 'NOT_FOUND' }],
    });
    expect(await mutation('paymentSandboxAuthorize', { orderId: row.id, cartId: randomUUID(), card: CARD }, anonymous)).toMatchObject({
      userErrors: [{ code: 'NOT_FOUND' }],
    });
    const stranger: Principal = { kind: 'customer', memberId: randomUUID(), sessionId: randomUUID() };
    expect(await mutation('paymentSandboxAuthorize', { orderId: row.id, card: CARD }, stranger)).toMatchObject({ userErrors: [{ code: 'NOT_FOUND' }] });
    const paid = await mutation('paymentSandboxAuthorize', { orderId: row.id, cartId: row.cartId, card: CARD, capture: true }, anonymous, 'payment { status capturedAmount { amount } }');
    expect(paid).toMatchObject({ userErrors: [], payment: { status: 'CAPTURED', capturedAmount: { amount: '1000.00' } } });
    expect((await reload(row.id)).status).toBe('PAID');
  });

  it('declined and invalid cards are userErrors and write nothing', async () => {
    const row = await placeOrder({}, 'SANDBOX');
    const before = [await count(payment), await count(paymentTransaction), await jobs()];
    for (const [card, code, field] of [
      [{ ...CARD, number: '4000 0000 0000 0002' }, 'CARD_DECLINED', 'number'],
      [{ ...CARD, number: '4242 4242 4242 4241' }, 'INVALID_CARD', 'number'],
      [{ ...CARD, expiryYear: 2020 }, 'INVALID_CARD', 'expiryYear'],
      [{ ...CARD, cvc: '12' }, 'INVALID_CARD', 'cvc'],
    ] as const) {
      expect(await mutation('paymentSandboxAuthorize', { orderId: row.id, card }, CUSTOMER)).toMatchObject({
        payment: null, userErrors: [{ code, field: ['input', 'card', field] }],
      });
    }
    expect([await count(payment), await count(paymentTransaction), await jobs()]).toEqual(before);
  });

  it('the same provider movement reported twice (API answer and webhook) is recorded once', async () => {
    const row = await placeOrder({}, 'SANDBOX');
    const event = {
      type: 'payment.captured' as const, provider: 'SANDBOX' as const, orderId: row.id, paymentReference: 'sbx_auth_dup',
      transactionReference: 'sbx_cap_dup', amountMinor: 100_000n, currencyCode: 'THB',
    };
    const apply = () =>
      database.db.transaction(async (tx) => applyProviderEvent(tx, (await reload(row.id))!, event, { actor: systemActor('test') }));
    expect(await apply()).toMatchObject({ ok: true, value: { duplicate: false } });
    const counts = [await count(payment), await count(paymentTransaction), await count(orderHistory)];
    expect(await apply()).toMatchObject({ ok: true, value: { duplicate: true } });
    expect([await count(payment), await count(paymentTransaction), await count(orderHistory)]).toEqual(counts);
    expect(await stateOf(row.id)).toMatchObject({ status: 'PAID', paymentState: 'PAID' });
  });
});

describe('refunds', () => {
  async function paidOrder(amount = '1000.00') {
    const row = await placeOrder({ totalMinor: BigInt(amount.replace('.', '')) });
    const paid = await mutation('orderMarkPaid', { orderId: row.id, method: 'BANK_TRANSFER' });
    return { row, paymentId: paid.payment!.id };
  }

  it('a partial refund is PARTIALLY_REFUNDED, the rest REFUNDED; more than captured is refused', async () => {
    const { row, paymentId } = await paidOrder();
    const partial = await mutation('paymentRefund', { paymentId, amount: '250.00', reason: 'One item returned' }, TEST_OPERATOR, 'payment { refundedAmount { amount } }');
    expect(partial).toMatchObject({ userErrors: [], payment: { refundedAmount: { amount: '250.00' } } });
    expect(await stateOf(row.id)).toMatchObject({ paymentState: 'PARTIALLY_REFUNDED', paidAmount: { amount: '750.00' } });
    expect(await mutation('paymentRefund', { paymentId, amount: '750.01', reason: 'x' })).toMatchObject({
      userErrors: [{ code: 'EXCEEDS_CAPTURED', field: ['input', 'amount'] }],
    });
    expect(await mutation('paymentRefund', { paymentId, amount: '10', reason: ' ' })).toMatchObject({ userErrors: [{ code: 'INVALID', field: ['input', 'reason'] }] });
    await mutation('paymentRefund', { paymentId, amount: '750.00', reason: 'Rest returned' });
    const state = await stateOf(row.id);
    expect(state).toMatchObject({ paymentState: 'REFUNDED', paidAmount: { amount: '0.00' } });
    expect(state.payments[1].transactions.map((t) => [t.kind, t.note])).toEqual([
      ['CAPTURE', null], ['REFUND', 'One item returned'], ['REFUND', 'Rest returned'],
    ]);
  });

  it('a card refund goes through the sandbox and queues its webhook', async () => {
    const row = await placeOrder({}, 'SANDBOX');
    const paid = await mutation('paymentSandboxAuthorize', { orderId: row.id, card: CARD, capture: true }, CUSTOMER);
    const before = await jobs();
    const refunded = await mutation('paymentRefund', { paymentId: paid.payment!.id, amount: '100.00', reason: 'Late delivery' });
    expect(refunded).toMatchObject({ userErrors: [] });
    const state = await stateOf(row.id);
    expect(state.payments[0].transactions.at(-1)).toMatchObject({ kind: 'REFUND', reference: expect.stringMatching(/^sbx_ref_/) });
    expect(await jobs()).toBe(before + 1);
  });

  it('a refund above the step-up limit needs a fresh confirmation, and then goes through', async () => {
    const { row, paymentId } = await paidOrder('9000.00');
    const refused = await execute(
      `mutation ($input: PaymentRefundInput!) { paymentRefund(input: $input) { userErrors { code } } }`,
      { input: { paymentId, amount: '6000.00', reason: 'Damaged' } },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
    expect(await stateOf(row.id)).toMatchObject({ paymentState: 'PAID' });
    const confirmed = { ...TEST_OPERATOR, stepUpUntil: Date.now() + 60_000 } as Principal;
    expect(await mutation('paymentRefund', { paymentId, amount: '6000.00', reason: 'Damaged' }, confirmed, 'payment { id }')).toMatchObject({ userErrors: [] });
    expect(await stateOf(row.id)).toMatchObject({ paymentState: 'PARTIALLY_REFUNDED' });
  });
});

describe('reconciliation and the payment-state filter', () => {
  it('lists paid orders short of their total, over-paid orders and cancelled orders holding money; not the ones that match', async () => {
    const fresh = await createTestDatabase();
    try {
      const db = fresh.db;
      const make = async (status: OrderRow['status'], totalMinor: bigint, paidMinor: bigint, refundedMinor = 0n) => {
        const [row] = await db.insert(order).values({ number: `SO-R-${randomUUID().slice(0, 8)}`, channel: 'ONLINE_STORE', status, totalMinor, currencyCode: 'THB' }).returning();
        if (paidMinor > 0n) {
          const [p] = await db.insert(payment).values({ orderId: row!.id, provider: 'MANUAL', status: 'CAPTURED', amountMinor: paidMinor, currencyCode: 'THB' }).returning();
          const base = { paymentId: p!.id, orderId: row!.id, currencyCode: 'THB', actorKind: 'system', actorLabel: 'test' };
          await db.insert(paymentTransaction).values({ ...base, kind: 'CAPTURE', amountMinor: paidMinor });
          if (refundedMinor > 0n) await db.insert(paymentTransaction).values({ ...base, kind: 'REFUND', amountMinor: refundedMinor });
        }
        return row!;
      };
      const underpaid = await make('SHIPPED', 10_000n, 6_000n);
      const overpaid = await make('PENDING_PAYMENT', 10_000n, 12_000n);
      const notRefunded = await make('CANCELLED', 10_000n, 10_000n, 4_000n);
      await make('PAID', 10_000n, 10_000n);
      await make('PENDING_PAYMENT', 10_000n, 0n);
      await make('CANCELLED', 10_000n, 10_000n, 10_000n);
      await make('PENDING_PAYMENT', 10_000n, 3_000n);

      const query = `query ($after: String) { paymentReconciliation(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { order { id } issue expected { amount } captured { amount } refunded { amount } difference { amount } } } } }`;
      const run = async (after: string | null) => {
        const contextValue = orders.createContext({ db, principal: TEST_OPERATOR, requestId: 't', log, changes: [] });
        const result = await graphql({ schema: orders.schema, source: query, contextValue, variableValues: { after } });
        expect(result.errors).toBeUndefined();
        return dataOf<{ paymentReconciliation: Connection<unknown> }>(result).paymentReconciliation;
      };
      const first = await run(null);
      const second = await run(first.pageInfo.endCursor);
      expect(first.totalCount).toBe(3);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const entries = [...first.edges, ...second.edges].map((e) => e.node);
      expect(entries).toEqual([
        { order: { id: notRefunded.id }, issue: 'NOT_REFUNDED', expected: { amount: '100.00' }, captured: { amount: '100.00' }, refunded: { amount: '40.00' }, difference: { amount: '-40.00' } },
        { order: { id: overpaid.id }, issue: 'OVERPAID', expected: { amount: '100.00' }, captured: { amount: '120.00' }, refunded: { amount: '0.00' }, difference: { amount: '20.00' } },
        { order: { id: underpaid.id }, issue: 'UNDERPAID', expected: { amount: '100.00' }, captured: { amount: '60.00' }, refunded: { amount: '0.00' }, difference: { amount: '-40.00' } },
      ]);

      const byState = async (states: string[]) =>
        (await db.select({ id: order.id }).from(order).where(paymentStateCondition(states))).length;
      expect(await byState(['OVERPAID'])).toBe(1);
      expect(await byState(['PARTIALLY_PAID'])).toBe(2);
      expect(await byState(['UNPAID'])).toBe(1);
      expect(await byState(['PAID', 'REFUNDED', 'PARTIALLY_REFUNDED'])).toBe(3);
    } finally {
      await fresh.close();
    }
  });

  it('the demo seed\'s payments reconcile every seeded order', async () => {
    const fresh = await createTestDatabase();
    try {
      const plan = makeOrderPlan({ orders: 50, members: 5 });
      await fresh.db.transaction(async (tx) => {
        await seed(tx, plan);
        await seedPayments(tx, plan);
      });
      const contextValue = orders.createContext({ db: fresh.db, principal: TEST_OPERATOR, requestId: 't', log, changes: [] });
      const result = await graphql({ schema: orders.schema, source: '{ paymentReconciliation(first: 5) { totalCount } }', contextValue });
      expect(result.errors).toBeUndefined();
      expect(dataOf<{ paymentReconciliation: { totalCount: number } }>(result).paymentReconciliation.totalCount).toBe(0);
      // Every order has exactly one payment; paid card orders an authorisation and a capture.
      expect(await fresh.db.$count(payment)).toBe(50);
      const paidStates = await fresh.db.select({ id: order.id }).from(order).where(paymentStateCondition(['PAID']));
      expect(paidStates.length).toBe(plan.orders.filter((o) => !['PENDING_PAYMENT', 'CANCELLED'].includes(o.status)).length);
    } finally {
      await fresh.close();
    }
  });
});
