import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { graphql } from 'graphql';
import { log } from '@shop/kit';
import { seedDemo } from '@shop/gateway/seed/index';
import { orders } from '@shop/orders';
import { createPendingPayment, deliverSandboxWebhook, sandboxSignature } from '@shop/orders/payments';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { staffLogin } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';

// The secret the sandbox gateway and the webhook route share in this run (no file under DATA_DIR).
vi.hoisted(() => {
  process.env.SANDBOX_WEBHOOK_SECRET = 'test-sandbox-webhook-secret';
});

let database: TestDatabase;
let gateway: TestGateway;
let webhookUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  gateway = await startTestGateway('in-process', database.db);
  webhookUrl = gateway.url.replace(/\/graphql$/, '/webhooks/payments/sandbox');
});
afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

const now = () => Math.floor(Date.now() / 1000);

// Rows are written and read with SQL: orders' tables are its own, not part of its package's face.
async function placeOrder(memberId: string | null = null) {
  const [row] = await database.db.execute<{ id: string }>(
    sql`insert into orders."order" (number, channel, total_minor, currency_code, member_id)
        values (${`SO-WH-${randomUUID().slice(0, 8)}`}, 'MOBILE_APP', 250000, 'THB', ${memberId}) returning id`,
  );
  await createPendingPayment(database.db, { orderId: row!.id, provider: 'SANDBOX', amountMinor: 250_000n, currencyCode: 'THB' });
  return row!;
}

async function orderStatus(orderId: string) {
  const [row] = await database.db.execute<{ status: string }>(sql`select status from orders."order" where id = ${orderId}`);
  return row?.status;
}

function event(orderId: string, overrides: { id?: string; type?: string; amountMinor?: string; transactionReference?: string } = {}) {
  return {
    id: overrides.id ?? `evt_${randomUUID()}`,
    type: overrides.type ?? 'payment.captured',
    created: now(),
    data: {
      orderId,
      paymentReference: 'sbx_auth_webhook_test',
      transactionReference: overrides.transactionReference ?? `sbx_cap_${randomUUID()}`,
      amountMinor: overrides.amountMinor ?? '250000',
      currencyCode: 'THB',
      card: { brand: 'VISA', last4: '4242' },
    },
  };
}

async function post(body: string, signature: string | null) {
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'sandbox-signature': signature } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const count = async (table: string) =>
  (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier('orders')}.${sql.identifier(table)}`))[0]!.n;
const counts = async () => [
  await count('payment'),
  await count('payment_transaction'),
  await count('payment_webhook_event'),
  await count('order_history'),
];

describe('POST /webhooks/payments/sandbox', () => {
  it('accepts a validly signed event once: the capture is recorded and the order becomes PAID', async () => {
    const row = await placeOrder();
    const body = JSON.stringify(event(row.id));
    const accepted = await post(body, sandboxSignature(body, now()));
    expect(accepted).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(await orderStatus(row.id)).toBe('PAID');
    const payments = await database.db.execute<{ status: string; provider_reference: string; card_last4: string }>(
      sql`select status, provider_reference, card_last4 from orders.payment where order_id = ${row.id}`,
    );
    expect(payments.map((p) => [p.status, p.provider_reference, p.card_last4])).toEqual([['CAPTURED', 'sbx_auth_webhook_test', '4242']]);

    // The same event again, even freshly signed, is a replay: refused and nothing changes.
    const before = await counts();
    expect(await post(body, sandboxSignature(body, now()))).toMatchObject({ status: 409 });
    expect(await counts()).toEqual(before);
  });

  it('refuses forged, tampered, unsigned and stale deliveries without writing anything', async () => {
    const row = await placeOrder();
    const body = JSON.stringify(event(row.id));
    const forged = `t=${now()},v1=${createHmac('sha256', 'not-the-secret').update(`${now()}.${body}`).digest('hex')}`;
    const tampered = JSON.stringify(event(row.id, { amountMinor: '1' }));
    const before = await counts();
    expect(await post(body, forged)).toMatchObject({ status: 401, body: { error: 'signature does not match' } });
    expect(await post(tampered, sandboxSignature(body, now()))).toMatchObject({ status: 401 });
    expect(await post(body, null)).toMatchObject({ status: 401, body: { error: 'missing or malformed signature' } });
    expect(await post(body, 'v1=abc')).toMatchObject({ status: 401 });
    const stale = now() - 5 * 60 - 1;
    expect(await post(body, sandboxSignature(body, stale))).toMatchObject({
      status: 401, body: { error: 'signature timestamp outside the 5-minute window' },
    });
    expect(await post('not json', sandboxSignature('not json', now()))).toMatchObject({ status: 400 });
    expect(await counts()).toEqual(before);
    expect(await orderStatus(row.id)).toBe('PENDING_PAYMENT');
    // The genuine event still goes through afterwards: refusals did not use up its id.
    expect(await post(body, sandboxSignature(body, now()))).toMatchObject({ status: 200 });
  });

  it('a second event for a movement already recorded is accepted and changes nothing', async () => {
    const row = await placeOrder();
    const first = JSON.stringify(event(row.id, { transactionReference: 'sbx_cap_twice' }));
    expect(await post(first, sandboxSignature(first, now()))).toMatchObject({ status: 200, body: { duplicate: false } });
    const before = await counts();
    const second = JSON.stringify(event(row.id, { transactionReference: 'sbx_cap_twice' }));
    expect(await post(second, sandboxSignature(second, now()))).toMatchObject({ status: 200, body: { duplicate: true } });
    const after = await counts();
    // Only the event id was kept (so that this delivery, too, cannot be replayed).
    expect(after).toEqual([before[0], before[1], before[2]! + 1, before[3]]);
  });

  it('an event for an unknown order is refused and its id stays unused', async () => {
    const body = JSON.stringify(event(randomUUID()));
    const before = await counts();
    expect(await post(body, sandboxSignature(body, now()))).toMatchObject({ status: 422 });
    expect(await counts()).toEqual(before);
  });

  it('the sandbox gateway\'s own deliveries verify, and change nothing the API answer already recorded', async () => {
    const memberId = randomUUID();
    const row = await placeOrder(memberId);
    const contextValue = orders.createContext({
      db: database.db, principal: { kind: 'customer', memberId, sessionId: randomUUID() }, requestId: 't', log, changes: [],
    });
    const paid = await graphql({
      schema: orders.schema,
      contextValue,
      source: `mutation ($input: PaymentSandboxAuthorizeInput!) { paymentSandboxAuthorize(input: $input) { payment { status } userErrors { code } } }`,
      variableValues: { input: { orderId: row.id, capture: true, card: { number: '5555555555554444', expiryMonth: 1, expiryYear: 2099, cvc: '999' } } },
    });
    expect(paid.data).toMatchObject({ paymentSandboxAuthorize: { payment: { status: 'CAPTURED' }, userErrors: [] } });
    const jobs = await database.db.execute<{ payload: { event: { data: { orderId: string } } } }>(
      // The public jobs view leaves the payload out.
      sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'payments.sandboxWebhook'`,
    );
    const mine = jobs.filter((job) => job.payload.event.data.orderId === row.id);
    expect(mine).toHaveLength(2);
    process.env.SANDBOX_WEBHOOK_URL = webhookUrl;
    const before = await counts();
    for (const job of mine) await deliverSandboxWebhook(job.payload);
    const after = await counts();
    expect(after).toEqual([before[0], before[1], before[2]! + 2, before[3]]);
    // A retried job whose first delivery got through ends quietly (409), rather than retrying for ever.
    await expect(deliverSandboxWebhook(mine[0]!.payload)).resolves.toBeUndefined();
  });
});

describe('payment and flag fields through the gateway policy', () => {
  const REFUND = `mutation ($input: PaymentRefundInput!) { paymentRefund(input: $input) { payment { id } userErrors { code } } }`;
  const HOLD = `mutation ($input: OrderHoldInput!) { orderHold(input: $input) { order { onHold } userErrors { code } } }`;

  it('refunds need orders:refund and holds orders:write; anonymous callers get neither', async () => {
    await seedDemo(database.db);
    const bearer = async (role: string) => ({ authorization: `Bearer ${await staffLogin(gateway, `${role}@shop.test`, `demo-${role}-password`)}` });
    const refundInput = { input: { paymentId: randomUUID(), amount: '10', reason: 'test' } };
    const operator = await bearer('order_operator');
    const service = await bearer('customer_service');
    const anonymous = await gateway.query(REFUND, refundInput);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const denied = await gateway.query(REFUND, refundInput, operator);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await gateway.query(REFUND, refundInput, service);
    expect(allowed.body.data).toEqual({ paymentRefund: { payment: null, userErrors: [{ code: 'NOT_FOUND' }] } });
    const analyst = await gateway.query(HOLD, { input: { orderId: randomUUID(), reason: 'x' } }, await bearer('analyst'));
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const held = await gateway.query(HOLD, { input: { orderId: randomUUID(), reason: 'x' } }, operator);
    expect(held.body.data).toEqual({ orderHold: { order: null, userErrors: [{ code: 'NOT_FOUND' }] } });
  });
});
