import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '@shop/access';
import { seedDemo } from '@shop/gateway/seed/index';
import { publishEvent } from '@shop/kit/domain-events';
import { customerLogin, DEMO_CUSTOMER, DEMO_PARTNER_KEY, staffLogin } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { queuedJobs } from '../kit/jobs.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startPartnerEndpoint, type PartnerEndpoint } from '../kit/webhook-partner.js';

/**
 * Partner webhooks through the gateway: a key with webhooks:manage subscribes and manages only its own
 * subscriptions; an event published in a business transaction reaches an endpoint that fails twice then succeeds
 * exactly once as the partner sees it (signature checked, deduplicated by event id); the delivery log shows the
 * three attempts; redelivery sends it again and the partner's dedupe keeps it once. A key without the scope is FORBIDDEN.
 */
const KEY_CREATE = `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret userErrors { code } } }`;
const CREATE = `mutation ($input: WebhookSubscriptionCreateInput!) {
  webhookSubscriptionCreate(input: $input) { secret subscription { id url eventTypes active ownedByApiKey } userErrors { field code message } } }`;
const LIST = `{ webhookSubscriptions(first: 100) { totalCount edges { node { id url } } } }`;
const DELIVERIES = `query ($filter: WebhookDeliveryFilter) { webhookDeliveries(first: 10, filter: $filter) { totalCount edges { node {
  id eventId eventType status attemptCount lastStatusCode lastError body subscription { id }
  attempts { number statusCode errorCode durationMs responseSnippet } } } } }`;
const REDELIVER = `mutation ($input: WebhookDeliveryRedeliverInput!) { webhookDeliveryRedeliver(input: $input) { delivery { id status } userErrors { field code } } }`;
const UPDATE = `mutation ($input: WebhookSubscriptionUpdateInput!) { webhookSubscriptionUpdate(input: $input) { subscription { id } userErrors { field code } } }`;

describe.each(['in-process', 'distributed'] as const)('partner webhooks (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let partner: PartnerEndpoint;
  let owner: Record<string, string>;
  let keyA: Record<string, string>;
  let keyB: Record<string, string>;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Runs what the worker would: every queued job of the task, in order. */
  const runQueued = async (task: string) => {
    const jobs = await queuedJobs(database.db, task);
    await database.db.execute(sql`delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t where t.id = j.task_id and t.identifier = ${task}`);
    for (const job of jobs) await access.tasks[task]!(job.payload, database.db);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    partner = await startPartnerEndpoint();
    const session = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
    const stepUp = await gateway.query(`mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`, { input: { password: 'demo-owner-password' } }, session);
    owner = { ...session, 'x-step-up': stepUp.body.data.stepUpConfirm.stepUpToken };
    const key = async (name: string) => {
      const { body } = await gateway.query(KEY_CREATE, { input: { name, scopes: ['webhooks:manage'] } }, owner);
      expect(body.data.apiKeyCreate.userErrors).toEqual([]);
      return bearer(body.data.apiKeyCreate.secret);
    };
    keyA = await key('partner A');
    keyB = await key('partner B');
  });
  afterAll(async () => {
    await partner?.close();
    await gateway?.stop();
    await database?.close();
  });

  it('a key without webhooks:manage is FORBIDDEN to list or subscribe, and so are customers and anonymous callers', async () => {
    const customer = bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
    for (const headers of [bearer(DEMO_PARTNER_KEY), customer, {}]) {
      const list = await gateway.query(LIST, undefined, headers);
      expect(list.body.data?.webhookSubscriptions ?? null).toBeNull();
      expect(list.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const create = await gateway.query(CREATE, { input: { url: partner.url, eventTypes: ['ORDER_CREATED'] } }, headers);
      expect(create.body.data?.webhookSubscriptionCreate ?? null).toBeNull();
      expect(create.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect(await database.db.execute(sql`select 1 from access.webhook_subscription`)).toHaveLength(0);
  });

  it('an endpoint that fails twice then succeeds receives the event exactly once; the log shows three attempts; redelivery is deduplicated by the partner', async () => {
    const created = await gateway.query(CREATE, { input: { url: partner.url, eventTypes: ['SHIPMENT_DELIVERED'], description: 'ERP' } }, keyA);
    expect(created.body.data.webhookSubscriptionCreate).toMatchObject({
      userErrors: [],
      subscription: { url: partner.url, eventTypes: ['SHIPMENT_DELIVERED'], active: true, ownedByApiKey: true },
    });
    const { secret, subscription } = created.body.data.webhookSubscriptionCreate;
    expect(secret).toMatch(/^whsec_/);
    partner.setSecret(secret);
    partner.failNext(2);

    const event = await database.db.transaction((tx) =>
      publishEvent(tx, { type: 'shipment.delivered', subject: { orderId: randomUUID(), orderNumber: 'SO-1001', memberId: null }, data: { shipmentId: randomUUID(), status: 'DELIVERED' } }),
    );
    await runQueued('access.webhookFanOut');
    for (let i = 0; i < 3; i += 1) await runQueued('access.webhookDeliver');

    const mine = partner.received.filter((r) => r.eventId === event.id);
    expect(mine.map((r) => [r.answered, r.check.ok])).toEqual([
      [500, true],
      [500, true],
      [200, true],
    ]);
    expect(partner.processed.filter((id) => id === event.id)).toHaveLength(1);

    const log = await gateway.query(DELIVERIES, { filter: { eventId: event.id } }, keyA);
    expect(log.body.errors).toBeUndefined();
    const delivery = log.body.data.webhookDeliveries.edges[0].node;
    expect(delivery).toMatchObject({ eventId: event.id, eventType: 'SHIPMENT_DELIVERED', status: 'DELIVERED', attemptCount: 3, lastStatusCode: 200, lastError: null, subscription: { id: subscription.id } });
    expect(delivery.attempts.map((a: { number: number; statusCode: number; errorCode: string | null }) => [a.number, a.statusCode, a.errorCode])).toEqual([
      [3, 200, null],
      [2, 500, 'HTTP_STATUS'],
      [1, 500, 'HTTP_STATUS'],
    ]);
    expect(JSON.parse(delivery.body)).toMatchObject({ id: event.id, type: 'shipment.delivered', subject: { orderNumber: 'SO-1001' } });

    // Another key sees none of it and cannot redeliver it; the owning key can, and the partner keeps the event once.
    expect((await gateway.query(DELIVERIES, { filter: { eventId: event.id } }, keyB)).body.data.webhookDeliveries.totalCount).toBe(0);
    expect((await gateway.query(REDELIVER, { input: { id: delivery.id } }, keyB)).body.data.webhookDeliveryRedeliver.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
    const again = await gateway.query(REDELIVER, { input: { id: delivery.id } }, keyA);
    expect(again.body.data.webhookDeliveryRedeliver).toMatchObject({ delivery: { status: 'PENDING' }, userErrors: [] });
    await runQueued('access.webhookDeliver');
    expect(partner.received.filter((r) => r.eventId === event.id)).toHaveLength(4);
    expect(partner.processed.filter((id) => id === event.id)).toHaveLength(1);
  });

  it('a key sees and changes only its own subscriptions; staff with the scope see every one', async () => {
    const b = await gateway.query(CREATE, { input: { url: 'https://hooks.example.com/b', eventTypes: ['ORDER_CREATED'] } }, keyB);
    const bId = b.body.data.webhookSubscriptionCreate.subscription.id;
    const ids = async (headers: Record<string, string>) =>
      (await gateway.query(LIST, undefined, headers)).body.data.webhookSubscriptions.edges.map((e: { node: { id: string } }) => e.node.id);
    const [ofA, ofB, all] = [await ids(keyA), await ids(keyB), await ids(owner)];
    expect(ofB).toEqual([bId]);
    expect(ofA).not.toContain(bId);
    expect(all).toEqual(expect.arrayContaining([...ofA, bId]));
    const hijack = await gateway.query(UPDATE, { input: { id: bId, url: 'https://evil.example.com/x' } }, keyA);
    expect(hijack.body.data.webhookSubscriptionUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
  });

  it('a URL to a private address is refused with URL_NOT_ALLOWED on input.url, and nothing is written', async () => {
    const before = await database.db.execute(sql`select id from access.webhook_subscription`);
    const { body } = await gateway.query(CREATE, { input: { url: 'https://169.254.169.254/latest', eventTypes: ['ORDER_CREATED'] } }, keyA);
    expect(body.data.webhookSubscriptionCreate).toMatchObject({ secret: null, subscription: null, userErrors: [{ field: ['input', 'url'], code: 'URL_NOT_ALLOWED' }] });
    expect(await database.db.execute(sql`select id from access.webhook_subscription`)).toHaveLength(before.length);
  });
});
