import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Db, Principal } from '@shop/kit';
import { publishEvent, type DomainEvent } from '@shop/kit/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { startPartnerEndpoint, type PartnerEndpoint } from '../../../tests/kit/webhook-partner.js';
import { apiKeyCreate, apiKeyRevoke } from '../src/api-keys/index.js';
import { access } from '../src/index.js';
import { backoffSeconds, DELIVER_TASK, FAN_OUT_TASK, MAX_ATTEMPTS, webhookDeliveryRedeliver } from '../src/webhooks/delivery.js';
import {
  listWebhookDeliveries,
  listWebhookSubscriptions,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
  webhookSubscriptionRotateSecret,
  webhookSubscriptionUpdate,
} from '../src/webhooks/service.js';
import { verifyWebhookSignature, webhookSignature } from '../src/webhooks/signature.js';
import { webhookAttempt, webhookDelivery, webhookSubscription } from '../src/webhooks/tables.js';
import { webhookUrlProblem } from '../src/webhooks/url-rule.js';
import { createAccount, executeAs, OWNER_ACTOR } from './factories.js';

let database: TestDatabase;
let partner: PartnerEndpoint;
let keyA: Principal;
let keyB: Principal;
let owner: typeof OWNER_ACTOR;

async function partnerKey(scopes: string[]): Promise<Principal> {
  const result = await apiKeyCreate(database.db, owner, { name: `key ${randomUUID()}`, scopes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { kind: 'partner', apiKeyId: result.value.apiKey.id, scopes };
}

beforeAll(async () => {
  database = await createTestDatabase();
  partner = await startPartnerEndpoint();
  owner = { ...OWNER_ACTOR, staffId: (await createAccount(database.db, ['owner'])).id };
  keyA = await partnerKey(['webhooks:manage']);
  keyB = await partnerKey(['webhooks:manage']);
});
// Each test meets only its own subscriptions and jobs: the partner endpoint knows one secret at a time.
beforeEach(async () => {
  await database.db.update(webhookSubscription).set({ active: false });
  await database.db.execute(sql`delete from graphile_worker._private_jobs`);
});
afterAll(async () => {
  await partner?.close();
  await database?.close();
});

const subject = () => ({ orderId: randomUUID(), orderNumber: `SO-${Math.floor(Math.random() * 1e6)}`, memberId: null });

/** Publishes an event the way a business write does: inside a transaction. */
async function publish(type: DomainEvent['type'] = 'shipment.delivered', data: DomainEvent['data'] = { shipmentId: randomUUID(), status: 'DELIVERED' }) {
  return database.db.transaction((tx) => publishEvent(tx, { type, subject: subject(), data }));
}

async function subscribe(actor: Principal, url = partner.url, eventTypes: DomainEvent['type'][] = ['shipment.delivered']) {
  const result = await webhookSubscriptionCreate(database.db, actor, { url, eventTypes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** Runs the queued jobs of a task (optionally only for one key) the way the worker would, oldest first. */
async function runQueued(task: string, key?: string) {
  const jobs = await queuedJobs(database.db, task, key);
  await database.db.execute(sql`delete from graphile_worker._private_jobs j using graphile_worker._private_tasks t
    where t.id = j.task_id and t.identifier = ${task} and (${key ?? null}::text is null or j.key = ${key ?? null})`);
  for (const job of jobs) await access.tasks[task]!(job.payload, database.db);
  return jobs.length;
}

const deliveryOf = async (eventId: string, subscriptionId: string) =>
  (await database.db.select().from(webhookDelivery).where(sql`${webhookDelivery.eventId} = ${eventId} and ${webhookDelivery.subscriptionId} = ${subscriptionId}`))[0]!;

test('an endpoint that fails twice then succeeds receives the event exactly once: 3 signed attempts, one processed, DELIVERED', async () => {
  const { subscription, secret } = await subscribe(keyA);
  partner.setSecret(secret);
  partner.failNext(2);
  const event = await publish();
  expect(await runQueued(FAN_OUT_TASK)).toBe(1);
  const key = `${DELIVER_TASK}:${(await deliveryOf(event.id, subscription.id)).id}`;

  const before = Date.now();
  await runQueued(DELIVER_TASK, key);
  const [retry] = await database.db.execute<{ run_at: Date }>(sql`select run_at from graphile_worker._private_jobs where key = ${key}`);
  // The next attempt is a job at its backoff time (30 s ± 20 %), not a sleeping worker.
  const wait = (new Date(retry!.run_at).getTime() - before) / 1000;
  expect(wait).toBeGreaterThanOrEqual(23);
  expect(wait).toBeLessThanOrEqual(37);
  await runQueued(DELIVER_TASK, key);
  await runQueued(DELIVER_TASK, key);
  expect(await runQueued(DELIVER_TASK, key)).toBe(0);

  const mine = partner.received.filter((r) => r.eventId === event.id);
  expect(mine.map((r) => r.answered)).toEqual([500, 500, 200]);
  expect(mine.every((r) => r.check.ok)).toBe(true);
  expect(partner.processed.filter((id) => id === event.id)).toHaveLength(1);
  expect(JSON.parse(mine[2]!.body)).toEqual({ id: event.id, type: 'shipment.delivered', occurredAt: event.occurredAt, subject: event.subject, data: event.data });

  const delivery = await deliveryOf(event.id, subscription.id);
  expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
  const attempts = await database.db.select().from(webhookAttempt).where(eq(webhookAttempt.deliveryId, delivery.id)).orderBy(webhookAttempt.number);
  expect(attempts.map((a) => [a.number, a.statusCode, a.errorCode])).toEqual([
    [1, 500, 'HTTP_STATUS'],
    [2, 500, 'HTTP_STATUS'],
    [3, 200, null],
  ]);
  expect(attempts[0]!.responseSnippet).toBe('try again later');

  // The fan-out job running again (a worker crash after commit) adds no second delivery.
  const [job] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${webhookDelivery} where event_id = ${event.id}`);
  await access.tasks[FAN_OUT_TASK]!(event, database.db);
  const [again] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${webhookDelivery} where event_id = ${event.id}`);
  expect(again!.n).toBe(job!.n);
  expect(await queuedJobs(database.db, DELIVER_TASK)).toHaveLength(0);
});

test('the documented check detects a forged delivery: wrong secret, changed body, or a timestamp older than 5 minutes', () => {
  const secret = 'whsec_right';
  const body = JSON.stringify({ id: randomUUID(), type: 'order.created' });
  const now = Math.floor(Date.now() / 1000);
  const signed = { timestamp: String(now), signature: webhookSignature(secret, now, body) };
  expect(verifyWebhookSignature(secret, signed, body, now)).toEqual({ ok: true });
  expect(verifyWebhookSignature(secret, { timestamp: String(now), signature: webhookSignature('whsec_wrong', now, body) }, body, now)).toEqual({
    ok: false,
    reason: 'SIGNATURE_MISMATCH',
  });
  expect(verifyWebhookSignature(secret, signed, body.replace('order.created', 'order.refunded'), now)).toMatchObject({ reason: 'SIGNATURE_MISMATCH' });
  const old = now - 301;
  expect(verifyWebhookSignature(secret, { timestamp: String(old), signature: webhookSignature(secret, old, body) }, body, now)).toMatchObject({
    reason: 'TIMESTAMP_OUT_OF_WINDOW',
  });
  // A replayed timestamp with the signature of another one does not match either.
  expect(verifyWebhookSignature(secret, { timestamp: String(now), signature: webhookSignature(secret, old, body) }, body, now)).toMatchObject({
    reason: 'SIGNATURE_MISMATCH',
  });
  expect(verifyWebhookSignature(secret, { timestamp: 'soon', signature: 'v1=00' }, body, now)).toMatchObject({ reason: 'MALFORMED' });
});

test('an endpoint that always fails ends DEAD after 8 attempts with growing waits; redelivery starts a fresh series and succeeds', async () => {
  const { subscription, secret } = await subscribe(keyA);
  partner.setSecret(secret);
  partner.failNext(MAX_ATTEMPTS);
  const event = await publish();
  await runQueued(FAN_OUT_TASK);
  const id = (await deliveryOf(event.id, subscription.id)).id;
  for (let i = 0; i < MAX_ATTEMPTS + 1; i += 1) await runQueued(DELIVER_TASK, `${DELIVER_TASK}:${id}`);
  expect(await deliveryOf(event.id, subscription.id)).toMatchObject({ status: 'DEAD', attemptCount: MAX_ATTEMPTS, lastStatusCode: 500 });
  const dead = await listWebhookDeliveries(database.db, keyA, { filter: { status: 'DEAD' } });
  expect(dead.edges.map((e) => e.node.id)).toContain(id);

  const redelivered = await webhookDeliveryRedeliver(database.db, keyA, { id });
  expect(redelivered).toMatchObject({ ok: true, value: { status: 'PENDING', attemptLimit: 2 * MAX_ATTEMPTS } });
  await runQueued(DELIVER_TASK, `${DELIVER_TASK}:${id}`);
  expect(await deliveryOf(event.id, subscription.id)).toMatchObject({ status: 'DELIVERED', attemptCount: MAX_ATTEMPTS + 1 });
  expect(partner.processed.filter((e) => e === event.id)).toHaveLength(1);
  // Another key cannot redeliver it.
  expect(await webhookDeliveryRedeliver(database.db, keyB, { id })).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
});

test('backoff grows 30 s, 2 min, 10 min, 1 h, 6 h … within ±20 % jitter', () => {
  expect([1, 2, 3, 4, 5].map((n) => backoffSeconds(n, 0.5))).toEqual([30, 120, 600, 3600, 21600]);
  expect(backoffSeconds(1, 0)).toBe(24);
  expect(backoffSeconds(1, 1)).toBe(36);
  expect(backoffSeconds(20, 0.5)).toBe(86_400);
});

test('the body carries only the event id, type, time, subject ids and data: anything else a publisher adds is dropped', async () => {
  const { subscription, secret } = await subscribe(keyA, partner.url, ['order.created']);
  partner.setSecret(secret);
  const event = { ...(await publish('order.created', { status: 'PLACED' })), customerEmail: 'someone@example.test' };
  await database.db.execute(sql`delete from graphile_worker._private_jobs`);
  await access.tasks[FAN_OUT_TASK]!({ ...event, subject: { ...event.subject, name: 'Somchai' } }, database.db);
  const body = (await deliveryOf(event.id, subscription.id)).body;
  expect(body).not.toContain('someone@example.test');
  expect(body).not.toContain('Somchai');
  expect(Object.keys(JSON.parse(body))).toEqual(['id', 'type', 'occurredAt', 'subject', 'data']);
});

test('the signing secret is stored sealed, never in clear, and rotating it signs the next attempt with the new one', async () => {
  const { subscription, secret } = await subscribe(keyB);
  const [row] = await database.db.select().from(webhookSubscription).where(eq(webhookSubscription.id, subscription.id));
  expect(row!.sealedSecret).not.toContain(secret.slice(6));
  expect(secret).toMatch(/^whsec_/);
  const rotated = await webhookSubscriptionRotateSecret(database.db, keyB, { id: subscription.id });
  if (!rotated.ok) throw new Error('rotate failed');
  expect(rotated.value.secret).not.toBe(secret);
  partner.setSecret(rotated.value.secret);
  const event = await publish();
  await runQueued(FAN_OUT_TASK);
  await runQueued(DELIVER_TASK);
  const mine = partner.received.filter((r) => r.eventId === event.id);
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.every((r) => r.check.ok)).toBe(true);
  expect(verifyWebhookSignature(secret, mine[0]!, mine[0]!.body)).toMatchObject({ ok: false, reason: 'SIGNATURE_MISMATCH' });
});

test('a key sees and changes only its own subscriptions and deliveries; staff see all', async () => {
  const a = await subscribe(keyA);
  const b = await subscribe(keyB);
  const ids = async (actor: Principal) => (await listWebhookSubscriptions(database.db, actor, { first: 100 })).edges.map((e) => e.node.id);
  expect(await ids(keyA)).toContain(a.subscription.id);
  expect(await ids(keyA)).not.toContain(b.subscription.id);
  expect(await ids(keyB)).not.toContain(a.subscription.id);
  expect(await ids(OWNER_ACTOR)).toEqual(expect.arrayContaining([a.subscription.id, b.subscription.id]));
  for (const attempt of [
    webhookSubscriptionUpdate(database.db, keyB, { id: a.subscription.id, url: 'https://hooks.example.com/x' }),
    webhookSubscriptionRotateSecret(database.db, keyB, { id: a.subscription.id }),
    webhookSubscriptionDelete(database.db, keyB, { id: a.subscription.id }),
  ]) {
    expect(await attempt).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
  }
  const deliveries = await listWebhookDeliveries(database.db, keyB, { first: 100 });
  const visible = await database.db.select({ id: webhookDelivery.id, apiKeyId: webhookDelivery.apiKeyId }).from(webhookDelivery);
  const keyBId = (keyB as { apiKeyId: string }).apiKeyId;
  expect(deliveries.edges.map((e) => e.node.id).sort()).toEqual(visible.filter((d) => d.apiKeyId === keyBId).map((d) => d.id).sort());
  expect(await (await listWebhookSubscriptions(database.db, { kind: 'anonymous' }, {})).totalCount()).toBe(0);
});

test('inactive or deleted subscriptions get no new deliveries; a pending delivery of a deleted one ends DEAD without a request', async () => {
  const { subscription, secret } = await subscribe(keyA);
  partner.setSecret(secret);
  const pending = await publish();
  await runQueued(FAN_OUT_TASK);
  await webhookSubscriptionUpdate(database.db, keyA, { id: subscription.id, active: false });
  const later = await publish();
  await runQueued(FAN_OUT_TASK);
  expect(await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.eventId, later.id))).toEqual(
    expect.not.arrayContaining([expect.objectContaining({ subscriptionId: subscription.id })]),
  );
  expect(await webhookSubscriptionDelete(database.db, keyA, { id: subscription.id })).toMatchObject({ ok: true });
  const requests = partner.received.length;
  await runQueued(DELIVER_TASK);
  expect(await deliveryOf(pending.id, subscription.id)).toMatchObject({ status: 'DEAD', lastError: 'SUBSCRIPTION_INACTIVE', attemptCount: 1 });
  expect(partner.received.filter((r) => r.eventId === pending.id)).toHaveLength(0);
  expect(partner.received.length).toBeGreaterThanOrEqual(requests);
  expect((await listWebhookSubscriptions(database.db, keyA, { first: 100 })).edges.map((e) => e.node.id)).not.toContain(subscription.id);
});

test('a revoked key\'s subscriptions get no new deliveries', async () => {
  const revocable = await partnerKey(['webhooks:manage']);
  const { subscription } = await subscribe(revocable);
  await apiKeyRevoke(database.db, { id: (revocable as { apiKeyId: string }).apiKeyId });
  const event = await publish();
  await runQueued(FAN_OUT_TASK);
  expect(await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.subscriptionId, subscription.id))).toEqual([]);
  expect((await queuedJobs(database.db, DELIVER_TASK)).length).toBe(0);
  expect(event.id).toBeTruthy();
});

test('a connection refused or a redirect is a failed attempt with a short code, not a followed link', async () => {
  const refused = await subscribe(keyA, 'http://127.0.0.1:9/nothing-listens-here');
  const redirector = createServer((_, response) => response.writeHead(302, { location: partner.url }).end());
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
  try {
    const redirected = await subscribe(keyA, `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/moved`);
    const event = await publish();
    await runQueued(FAN_OUT_TASK);
    await runQueued(DELIVER_TASK);
    expect(await deliveryOf(event.id, refused.subscription.id)).toMatchObject({ status: 'RETRYING', lastError: 'CONNECTION_FAILED', lastStatusCode: null });
    expect(await deliveryOf(event.id, redirected.subscription.id)).toMatchObject({ status: 'RETRYING', lastError: 'REDIRECT', lastStatusCode: 302 });
    expect(partner.received.filter((r) => r.eventId === event.id)).toHaveLength(0);
  } finally {
    await new Promise((resolve) => redirector.close(resolve));
  }
});

test.each([
  ['http://hooks.example.com/x', 'https'],
  ['ftp://hooks.example.com/x', 'https'],
  ['https://user:pw@hooks.example.com/x', 'user name or password'],
  ['https://10.1.2.3/x', 'private'],
  ['https://192.168.0.10/x', 'private'],
  ['https://169.254.169.254/latest/meta-data', 'private'],
  ['https://[fd00::1]/x', 'private'],
  ['https://[::ffff:10.0.0.1]/x', 'private'],
  ['not a url', 'valid'],
])('the URL %s is refused (%s)', async (url, words) => {
  expect(webhookUrlProblem(url)).toContain(words);
  const result = await webhookSubscriptionCreate(database.db, keyA, { url, eventTypes: ['order.created'] });
  expect(result).toMatchObject({ ok: false, errors: [{ code: 'URL_NOT_ALLOWED', field: ['input', 'url'] }] });
});

test('https to a public host is allowed; http to localhost only outside production', () => {
  expect(webhookUrlProblem('https://hooks.example.com/shop')).toBeNull();
  expect(webhookUrlProblem('http://127.0.0.1:8080/hooks', false)).toBeNull();
  expect(webhookUrlProblem('http://127.0.0.1:8080/hooks', true)).toContain('https');
  expect(webhookUrlProblem('https://localhost/hooks', true)).toContain('this machine');
});

test('bad input changes nothing and names every field', async () => {
  const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(webhookSubscription);
  const result = await webhookSubscriptionCreate(database.db, keyA, { url: 'http://example.com', eventTypes: [], description: 'x'.repeat(201) });
  expect(result).toMatchObject({
    ok: false,
    errors: [
      { code: 'URL_NOT_ALLOWED', field: ['input', 'url'] },
      { code: 'INVALID', field: ['input', 'eventTypes'] },
      { code: 'INVALID', field: ['input', 'description'] },
    ],
  });
  expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(webhookSubscription)).toEqual(before);
});

test('through the subgraph: create returns the secret once, the list never has it, enum values map to wire names', async () => {
  const created = await executeAs(
    database.db,
    keyA,
    `mutation { webhookSubscriptionCreate(input: { url: "${partner.url}", eventTypes: [ORDER_STATUS_CHANGED, SHIPMENT_DELIVERED] }) {
      secret subscription { id eventTypes ownedByApiKey } userErrors { code } } }`,
  );
  expect(created.errors).toBeUndefined();
  const payload = (created.data as any).webhookSubscriptionCreate;
  expect(payload).toMatchObject({ userErrors: [], subscription: { eventTypes: ['ORDER_STATUS_CHANGED', 'SHIPMENT_DELIVERED'], ownedByApiKey: true } });
  const [row] = await database.db.select().from(webhookSubscription).where(eq(webhookSubscription.id, payload.subscription.id));
  expect(row!.eventTypes).toEqual(['order.status_changed', 'shipment.delivered']);
  const listed = await executeAs(database.db, keyA, `{ webhookSubscriptions(first: 100) { totalCount edges { node { id url } } } }`);
  expect(JSON.stringify(listed.data)).not.toContain(payload.secret);
  const customer = await executeAs(database.db, { kind: 'customer', memberId: randomUUID(), sessionId: randomUUID() }, `{ webhookSubscriptions { totalCount } }`);
  expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
