import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCaller, type CallerEnvelope } from '@shop/kit/principal-header';
import { serveSubgraph } from '@shop/kit/subgraph-server';
import { subgraph } from '@shop/gateway/subgraphs';
import { seedDemo } from '@shop/gateway/seed/index';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { TEST_OPERATOR } from '../kit/principals.js';

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
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const reps = () => ({ reps: [{ __typename: 'Order', id: plan.orders[0]!.id }] });

  it('answers a correctly signed request', async () => {
    const { status, body } = await post(ENTITY, reps(), signCaller(secret, operator, ENTITY, reps()));
    expect(status).toBe(200);
    expect(body.data._entities[0].number).toBe(plan.orders[0]!.number);
  });

  it('refuses an unsigned request with 401 UNAUTHENTICATED (MISSING)', async () => {
    const { status, body } = await post(ENTITY, reps());
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING' });
  });

  it('refuses a signature made with another secret (FORGED)', async () => {
    const forged = signCaller(randomBytes(32).toString('base64url'), operator, ENTITY, reps());
    const { status, body } = await post(ENTITY, reps(), forged);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.reason).toBe('FORGED');
  });

  it('refuses a valid signature replayed over another operation or other variables (FORGED)', async () => {
    const signed = signCaller(secret, operator, ENTITY, reps());
    const other = { reps: [{ __typename: 'Order', id: plan.orders[1]!.id }] };
    expect((await post(ENTITY, other, signed)).body.errors[0].extensions.reason).toBe('FORGED');
  });

  it('refuses a principal swapped under a valid signature (FORGED)', async () => {
    const signed = signCaller(secret, { ...operator, principal: { kind: 'anonymous' } }, ENTITY, reps());
    const swapped = signCaller(secret, operator, ENTITY, reps());
    const headers = { ...signed, 'x-shop-principal': swapped['x-shop-principal']! };
    expect((await post(ENTITY, reps(), headers)).body.errors[0].extensions.reason).toBe('FORGED');
  });

  it('refuses a signature older than the allowed clock skew (EXPIRED)', async () => {
    const old = signCaller(secret, operator, ENTITY, reps(), Date.now() - 5 * 60_000);
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
    const { body } = await post(ENTITY, reps(), signCaller(secret, caller, ENTITY, reps()));
    expect(body.data._entities).toEqual([null]);
  });
});
