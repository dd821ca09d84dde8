import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '@shop/kit';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '@shop/kit/embedded-postgres';
import { startWorker } from '@shop/kit/jobs';
import { migrateDatabase } from '@shop/kit/migrate';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { DEMO_PARTNER_KEY } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { freePort } from '../kit/browser.js';

const ARTIFACTS = new URL('../.artifacts/', import.meta.url).pathname;

const PRODUCTS = `{ products(first: 1) { edges { node { title } } } }`;
const LOGIN = `mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token userErrors { code } } }`;

/** The requests that reach the database on different paths: a resolver, sign-in (before GraphQL) and a mutation (audit). */
const PROBES: { name: string; body: object; headers: Record<string, string> }[] = [
  { name: 'anonymous query', body: { query: PRODUCTS }, headers: {} },
  { name: 'partner key (token looked up first)', body: { query: PRODUCTS }, headers: { authorization: `Bearer ${DEMO_PARTNER_KEY}` } },
  {
    name: 'mutation (audited)',
    body: { query: LOGIN, variables: { input: { email: 'owner@shop.test', password: 'wrong-password' } } },
    headers: {},
  },
];

async function send(url: string, probe: (typeof PROBES)[number]) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...probe.headers },
    body: JSON.stringify(probe.body),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
}

// PostgreSQL stopped and started again under a running gateway (and job worker):
// answers are retryable 503s while it is away, and service resumes by itself.
describe.each(['in-process', 'distributed'] as const)('database restart under a running gateway (%s)', (mode) => {
  const dataDir = join(ARTIFACTS, `restart-${randomBytes(4).toString('hex')}`);
  let pgPort: number;
  let server: EmbeddedServer;
  let database: Database;
  let gateway: TestGateway;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  const crashes: unknown[] = [];
  const recordCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('unhandledRejection', recordCrash);
    process.on('uncaughtException', recordCrash);
    pgPort = await freePort();
    server = await startEmbeddedPostgres(dataDir, pgPort);
    const url = await ensureDatabase(server.url, 'shop');
    await migrateDatabase(url, SUBGRAPHS);
    database = connect(url);
    await seedDemo(database.db);
    worker = await startWorker(url, database.db, SUBGRAPHS, { pollInterval: 200 });
    worker.promise.catch(recordCrash);
    gateway = await startTestGateway(mode, database.db);
  });

  afterAll(async () => {
    await gateway?.stop();
    await worker?.stop().catch(() => {});
    await database?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.off('unhandledRejection', recordCrash);
    process.off('uncaughtException', recordCrash);
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while PostgreSQL is down, then recovers without a restart', async () => {
    const health = () => fetch(gateway.url.replace(/\/graphql$/, '/health')).then((r) => r.status);
    for (const probe of PROBES) expect((await send(gateway.url, probe)).status, probe.name).toBe(200);
    expect(await health()).toBe(200);

    // Load in flight when the database goes away.
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        const statuses: number[] = [];
        while (loading) statuses.push((await send(gateway.url, PROBES[0]!)).status);
        return statuses;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop();

    expect(await health()).toBe(503);
    for (const probe of PROBES) {
      const { status, retryAfter, text } = await send(gateway.url, probe);
      expect(status, `${probe.name}: ${text}`).toBe(503);
      expect(Number(retryAfter), probe.name).toBeGreaterThan(0);
      const body = JSON.parse(text) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code), probe.name).toContain('DATABASE_UNAVAILABLE');
      // Nothing from the inside: no SQL, no parameters, no stack, no file paths.
      expect(text, probe.name).not.toMatch(/select |insert |Failed query|stacktrace|ECONNREFUSED|\.ts:\d+|node_modules/i);
    }
    loading = false;
    const during = (await load).flat();
    // Every answer is a success (before the stop) or a retryable 503, never a 500.
    expect(during.filter((status) => status !== 200 && status !== 503)).toEqual([]);

    server = await startEmbeddedPostgres(dataDir, pgPort);
    const deadline = Date.now() + 10_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const statuses = await Promise.all(PROBES.map(async (probe) => (await send(gateway.url, probe)).status));
      recovered = statuses.every((status) => status === 200);
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    expect(await health()).toBe(200);
    expect(crashes).toEqual([]);
  });
});
