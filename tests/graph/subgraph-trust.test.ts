import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '@shop/kit';
import { NonceStore } from '@shop/kit/nonce-store';
import { signCaller, type CallerEnvelope } from '@shop/kit/principal-header';
import { serveSubgraph } from '@shop/kit/subgraph-server';
import { subgraph } from '@shop/gateway/subgraphs';
import { seedDemo } from '@shop/gateway/seed/index';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { TEST_OPERATOR } from '../kit/principals.js';
import { ownerHeaders } from '../kit/callers.js';
import { startGatewayWith } from '../kit/subgraph-process.js';

/** The parts of a subgraph's answer these tests read; each test reads only what its case returns. */
type Answer = {
  data: { _entities: { number: string }[]; orderNoteAdd: { userErrors: unknown[] } };
  errors: { extensions: { code: string; reason: string } }[];
};

async function postBody(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** Headers that describe one hop, not the request: a replay sends the rest byte for byte. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * What an attacker on the loopback interface sees: a pass-through to `target`
 * that keeps every request's headers and exact body.
 */
async function startRecordingProxy(target: string) {
  const requests: { headers: Record<string, string>; body: string }[] = [];
  const endToEnd = (headers: IncomingHttpHeaders) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_HEADERS.has(name)).map(([name, value]) => [name, String(value)]));
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers = endToEnd(req.headers);
    requests.push({ headers, body });
    const upstream = await fetch(target, { method: 'POST', headers, body });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests,
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

// Distributed mode: a subgraph answers only requests the gateway signed.
describe('subgraphs trust only the gateway', () => {
  const secret = randomBytes(32).toString('base64url');
  let database: TestDatabase;
  let server: Server;
  let url: string;
  let plan: DemoPlan;

  beforeAll(async () => {
    process.env.GATEWAY_SIGNING_SECRET = secret;
    database = await createTestDatabase();
    plan = await seedDemo(database.db);
    server = await serveSubgraph(subgraph('orders'), database.db, 0);
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await database?.close();
  });

  const ENTITY = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id number } } }`;
  const operator: CallerEnvelope = { principal: TEST_OPERATOR, clientAddress: '127.0.0.1', userAgent: 'test' };

  async function post(query: string, variables: unknown, headers: Record<string, string> = {}) {
    return postBody(url, JSON.stringify({ query, variables }), headers);
  }

  const reps = () => ({ reps: [{ __typename: 'Order', id: plan.orders[0]!.id }] });
  /** Signs the ENTITY request as the gateway would. */
  const sign = (caller: CallerEnvelope) => signCaller(secret, caller, { query: ENTITY, variables: reps() }, 'test');

  it('answers a correctly signed request', async () => {
    const { status, body } = await post(ENTITY, reps(), sign(operator));
    expect(status).toBe(200);
    expect(body.data._entities[0].number).toBe(plan.orders[0]!.number);
  });

  it('refuses an unsigned request with 401 UNAUTHENTICATED (MISSING)', async () => {
    const { status, body } = await post(ENTITY, reps());
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING' });
  });

  it('refuses a signature made with another secret (FORGED)', async () => {
    const forged = signCaller(randomBytes(32).toString('base64url'), operator, { query: ENTITY, variables: reps() }, 'test');
    const { status, body } = await post(ENTITY, reps(), forged);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.reason).toBe('FORGED');
  });

  it('refuses a valid signature replayed over another operation or other variables (FORGED)', async () => {
    const signed = sign(operator);
    const other = { reps: [{ __typename: 'Order', id: plan.orders[1]!.id }] };
    expect((await post(ENTITY, other, signed)).body.errors[0].extensions.reason).toBe('FORGED');
  });

  it('refuses a principal swapped under a valid signature (FORGED)', async () => {
    const signed = sign({ ...operator, principal: { kind: 'anonymous' } });
    const swapped = sign(operator);
    const headers = { ...signed, 'x-shop-principal': swapped['x-shop-principal']! };
    expect((await post(ENTITY, reps(), headers)).body.errors[0].extensions.reason).toBe('FORGED');
  });

  it('refuses a signature older than the allowed clock skew (EXPIRED)', async () => {
    const old = signCaller(secret, operator, { query: ENTITY, variables: reps() }, 'test', Date.now() - 5 * 60_000);
    const { status, body } = await post(ENTITY, reps(), old);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.reason).toBe('EXPIRED');
  });

  it('applies the row rule to a signed customer: another member’s order resolves to null', async () => {
    const order = plan.orders[0]!;
    const stranger = plan.members.find((m) => m.id !== order.memberId)!;
    const caller: CallerEnvelope = {
      principal: { kind: 'customer', memberId: stranger.id, sessionId: 's' },
      clientAddress: null,
      userAgent: null,
    };
    const { body } = await post(ENTITY, reps(), sign(caller));
    expect(body.data._entities).toEqual([null]);
  });
  it('refuses a second use of a valid signature (REPLAYED) and runs the request once', async () => {
    const signed = sign(operator);
    expect((await post(ENTITY, reps(), signed)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { status, body } = await post(ENTITY, reps(), signed);
      expect(status).toBe(401);
      expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REPLAYED' });
    }
  });

  it.each([
    ['the operation name', { operationName: 'Other' }, {}],
    ['the extensions', { extensions: { persistedQuery: { version: 1 } } }, {}],
    ['the request id', {}, { 'x-request-id': 'another-request' }],
    ['the nonce', {}, { 'x-shop-nonce': 'another-nonce' }],
  ])('refuses a signature over a request whose %s changed (FORGED)', async (_, bodyChange, headerChange) => {
    const signed = sign(operator);
    const changed = await postBody(url, JSON.stringify({ query: ENTITY, variables: reps(), ...bodyChange }), { ...signed, ...headerChange });
    expect(changed.status).toBe(401);
    expect(changed.body.errors[0].extensions.reason).toBe('FORGED');
    // A forged attempt does not burn the nonce: the untouched request is still good once.
    expect((await post(ENTITY, reps(), signed)).status).toBe(200);
  });

  it('refuses a captured gateway→subgraph mutation sent again: orderNoteAdd runs once', async () => {
    const proxy = await startRecordingProxy(url);
    const gateway = await startGatewayWith(database.db, 'orders', proxy.url);
    try {
      const orderId = plan.orders[2]!.id;
      const notes = async () =>
        (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.order_history where order_id = ${orderId} and kind = 'NOTE'`))[0]!.n;
      const before = await notes();
      const { body } = await gateway.query(
        `mutation AddNote($input: OrderNoteAddInput!) { orderNoteAdd(input: $input) { order { id } userErrors { code } } }`,
        { input: { id: orderId, note: 'captured on the wire' } },
        await ownerHeaders(gateway),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.orderNoteAdd.userErrors).toEqual([]);
      const captured = proxy.requests.find((r) => r.body.includes('orderNoteAdd'));
      expect(captured).toBeDefined();
      const { headers, body: raw } = captured!;

      for (let attempt = 0; attempt < 2; attempt += 1) {
        const replay = await postBody(url, raw, headers);
        expect(replay.status).toBe(401);
        expect(replay.body.errors[0].extensions.reason).toBe('REPLAYED');
      }
      // The same capture with another operation name or extensions is not even a valid signature.
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      for (const changed of [{ ...parsed, operationName: 'Other' }, { ...parsed, extensions: { replay: true } }]) {
        const forged = await postBody(url, JSON.stringify(changed), headers);
        expect(forged.status).toBe(401);
        expect(forged.body.errors[0].extensions.reason).toBe('FORGED');
      }
      expect(await notes()).toBe(before + 1);
    } finally {
      await gateway.stop();
      await proxy.stop();
    }
  });
});

describe('the nonce store behind single-use signatures', () => {
  it('forgets a nonce only once its signature has expired', () => {
    const store = new NonceStore(10);
    expect(store.claim('a', 1_000, 0)).toBe('claimed');
    expect(store.claim('a', 1_000, 999)).toBe('used');
    expect(store.claim('b', 2_000, 1_000)).toBe('claimed');
    expect(store.size).toBe(1);
  });

  it('refuses new nonces when full of live ones instead of forgetting one (memory stays bounded)', () => {
    const store = new NonceStore(3);
    for (const nonce of ['a', 'b', 'c']) expect(store.claim(nonce, 60_000, 0)).toBe('claimed');
    expect(store.claim('d', 60_000, 1)).toBe('full');
    expect(store.claim('a', 60_000, 1)).toBe('used');
    expect(store.size).toBe(3);
    // Expiries out of insertion order (two gateways' clocks) are swept before refusing.
    const mixed = new NonceStore(2);
    mixed.claim('late', 90_000, 0);
    mixed.claim('early', 10_000, 0);
    expect(mixed.claim('new', 90_000, 20_000)).toBe('claimed');
  });
});
