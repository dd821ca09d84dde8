import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { sendOverloaded, type AdmissionLimits } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from '../kit/gateway.js';
import { post, type GraphQLAnswer } from '../kit/retrying-client.js';
import { startGatewayWith } from '../kit/subgraph-process.js';

vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '10000000';
});

/** Reads the products subgraph (public): slow while the test holds a lock on its table. */
const PRODUCTS = `{ products(first: 1) { edges { node { id } } } }`;
const CART = `query ($id: ID!) { cart(id: $id) { id } }`;
const CART_CREATE = `mutation { cartCreate(input: { channel: MOBILE_APP, lines: [] }) { cart { id } userErrors { code } } }`;

let database: TestDatabase;

beforeAll(async () => {
  process.env.GATEWAY_SIGNING_SECRET ??= randomBytes(32).toString('base64url');
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Holds an exclusive lock on products.product, so every request that reads
 * products waits, until `release` is called.
 */
async function lockProducts(): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table products.product in access exclusive mode`);
    locked();
    await released;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

/**
 * Sends `n` slow reads at once while products are locked; returns the answers
 * that came back while the lock was held (the refused ones) and, after the
 * lock is gone, all of them.
 */
async function burst(url: string, n: number, slow: number) {
  const lock = await lockProducts();
  const early: GraphQLAnswer[] = [];
  let all: Promise<GraphQLAnswer[]>;
  let refusedWhileLocked: GraphQLAnswer[];
  try {
    all = Promise.all(
      Array.from({ length: n }, () =>
        post(url, PRODUCTS, {}).then((answer) => {
          early.push(answer);
          return answer;
        }),
      ),
    );
    // Everything but the admitted (stuck) requests is answered without waiting for the lock.
    await until(() => early.length >= n - slow, `${n - slow} refusals`);
    // A moment more: an admitted request that wrongly passed the lock would show here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    refusedWhileLocked = [...early];
  } finally {
    await lock.release();
  }
  return { refusedWhileLocked, answers: await all };
}

const overloaded = (answer: GraphQLAnswer) => answer.status === 503 && answer.body.errors?.[0]?.extensions?.code === 'OVERLOADED';
const TINY: AdmissionLimits = { maxInFlight: 2, maxQueued: 2, queueTimeoutMs: 300 };

describe('admission control at the gateway', () => {
  it.each(['in-process', 'distributed'] as const)(
    '%s: a burst of slow requests past a tiny in-flight limit gets OVERLOADED 503 with Retry-After, no 500, and the gateway serves normally right after',
    async (mode) => {
      const gateway = await startTestGateway(mode, database.db, { admission: TINY });
      try {
        const { refusedWhileLocked, answers } = await burst(gateway.url, 20, TINY.maxInFlight);

        // 2 ran, 2 waited 300 ms in the queue, 16 were refused at once: all 18 without waiting for the lock.
        expect(refusedWhileLocked).toHaveLength(18);
        expect(refusedWhileLocked.every(overloaded)).toBe(true);
        for (const answer of refusedWhileLocked) {
          expect(answer.retryAfter).toBe('1');
          expect(answer.body.errors![0]!.extensions).toEqual({ code: 'OVERLOADED', retryable: true, retryAfterSeconds: 1, outcomeUnknown: false });
          expect(answer.body.errors![0]!.message).toMatch(/ran nothing/);
        }
        expect(answers.filter((a) => a.status === 200 && !a.body.errors)).toHaveLength(2);
        expect(answers.filter((a) => a.status >= 500 && !overloaded(a))).toEqual([]);

        // Right after: served normally, mutations too.
        expect(await post(gateway.url, PRODUCTS, {})).toMatchObject({ status: 200, body: { data: { products: { edges: expect.any(Array) } } } });
        const created = await post<{ cartCreate: { cart: { id: string } } }>(gateway.url, CART_CREATE, {});
        expect(created.status).toBe(200);
        expect(created.body.data?.cartCreate.cart.id).toEqual(expect.any(String));
      } finally {
        await gateway.stop();
      }
    },
    120_000,
  );

  const perSubgraph: [string, TestGatewayOptions][] = [
    ['the gateway’s link to the subgraph', { subgraphs: { admission: { maxInFlight: 1, maxQueued: 0, queueTimeoutMs: 0 } } }],
    ['the subgraph server', { subgraphServers: { admission: { maxInFlight: 1, maxQueued: 0, queueTimeoutMs: 0 } } }],
  ];
  it.each(perSubgraph)(
    'distributed: past the limit of %s, calls to that subgraph are refused as OVERLOADED naming it (503, Retry-After), nothing runs, then it serves again',
    async (_where, options) => {
      const gateway: TestGateway = await startTestGateway('distributed', database.db, options);
      try {
        const { refusedWhileLocked, answers } = await burst(gateway.url, 6, 1);

        expect(refusedWhileLocked).toHaveLength(5);
        for (const answer of refusedWhileLocked) {
          expect(answer).toMatchObject({ status: 503, retryAfter: '1' });
          expect(answer.body.errors![0]!.extensions).toEqual({
            code: 'OVERLOADED', subgraph: 'products', retryable: true, retryAfterSeconds: 1, outcomeUnknown: false,
          });
        }
        expect(answers.filter((a) => a.status === 200 && !a.body.errors)).toHaveLength(1);
        expect(await post(gateway.url, PRODUCTS, {})).toMatchObject({ status: 200 });
      } finally {
        await gateway.stop();
      }
    },
    120_000,
  );
});

type Behaviour = 'hang' | 'reset' | 'overloaded' | 'refused';

describe('every way a subgraph fetch fails answers a coded error, never HTTP 500 (distributed)', () => {
  let behaviour: Behaviour = 'hang';
  let fake: Server;
  let gateway: TestGateway;

  beforeAll(async () => {
    // Stands in for the orders subgraph and fails as told.
    fake = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (behaviour === 'reset') req.socket.destroy();
        if (behaviour === 'overloaded') sendOverloaded(res, { ok: false, reason: 'QUEUE_FULL', retryAfterSeconds: 3 }, 'The orders service');
        // 'hang': never answers.
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
    gateway = await startGatewayWith(database.db, 'orders', url, { subgraphs: { timeoutMs: 200 } });
  });

  afterAll(async () => {
    await gateway?.stop();
    fake?.closeAllConnections();
    await new Promise((resolve) => fake?.close(resolve));
  });

  // Closing the fake server last turns it into a refused connection.
  const cases: [Behaviour, 'query' | 'mutation', { status: number; retryAfter: string; code: string; outcomeUnknown: boolean; message: RegExp }][] = [
    ['hang', 'query', { status: 504, retryAfter: '1', code: 'SUBGRAPH_TIMEOUT', outcomeUnknown: false, message: /did not answer within 200 ms/ }],
    ['hang', 'mutation', { status: 504, retryAfter: '1', code: 'SUBGRAPH_TIMEOUT', outcomeUnknown: true, message: /may or may not have been applied.*same idempotency key/ }],
    ['reset', 'query', { status: 503, retryAfter: '1', code: 'SUBGRAPH_UNAVAILABLE', outcomeUnknown: false, message: /broke before it answered/ }],
    ['reset', 'mutation', { status: 503, retryAfter: '1', code: 'SUBGRAPH_UNAVAILABLE', outcomeUnknown: true, message: /may or may not have been applied/ }],
    ['overloaded', 'query', { status: 503, retryAfter: '3', code: 'OVERLOADED', outcomeUnknown: false, message: /ran nothing/ }],
    ['overloaded', 'mutation', { status: 503, retryAfter: '3', code: 'OVERLOADED', outcomeUnknown: false, message: /ran nothing/ }],
    ['refused', 'query', { status: 503, retryAfter: '1', code: 'SUBGRAPH_UNAVAILABLE', outcomeUnknown: false, message: /nothing was sent/ }],
    ['refused', 'mutation', { status: 503, retryAfter: '1', code: 'SUBGRAPH_UNAVAILABLE', outcomeUnknown: false, message: /nothing was sent/ }],
  ];
  it.each(cases)('%s, %s: %j', async (how, kind, expected) => {
    behaviour = how;
    if (how === 'refused' && fake.listening) {
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    }
    const answer =
      kind === 'query' ? await post(gateway.url, CART, { id: '00000000-0000-4000-8000-000000000001' }) : await post(gateway.url, CART_CREATE, {});

    expect({ status: answer.status, retryAfter: answer.retryAfter }).toEqual({ status: expected.status, retryAfter: expected.retryAfter });
    expect(answer.body.errors).toHaveLength(1);
    const [error] = answer.body.errors!;
    expect(error!.extensions).toEqual({
      code: expected.code, subgraph: 'orders', retryable: true, retryAfterSeconds: Number(expected.retryAfter), outcomeUnknown: expected.outcomeUnknown,
    });
    expect(error!.message).toMatch(expected.message);
    expect(error!.message).toMatch(/orders service/);
  });
});
