/**
 * Behaviour event ingestion: `pnpm exec tsx tests/bench/events.ts [--scale N] [--concurrency C] [--requests R] [--database NAME]`,
 * also run by `pnpm bench` (run.ts). Anonymous storefront batches of 1, 20 and 100 events through the gateway in
 * both modes, beside a baseline in the same run (the members subgraph called directly over HTTP, no gateway);
 * then the summary job over everything ingested. Prints events/s, p50/p95/p99 latency and SQL statements per
 * request (the audit row, the multi-row insert and the summary job's add_job included). Figures only.
 */
import './env.js';
import { randomUUID } from 'node:crypto';
import type { Database } from '@shop/kit';

const BATCHES = [1, 20, 100] as const;

const TRACK = `mutation ($input: EventsTrackInput!) { eventsTrack(input: $input) { accepted userErrors { code } } }`;

/** One storefront call of `size` events: views, adds to cart and searches of a few products. */
function batch(size: number, productIds: string[]) {
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const events = Array.from({ length: size }, (_, i) => {
    const productId = productIds[i % productIds.length];
    if (i % 10 === 9) return { type: 'SEARCH', query: 'silk scarf', source: 'google', occurredAt };
    return { type: i % 5 === 4 ? 'ADD_TO_CART' : 'PRODUCT_VIEW', productId, source: 'line', campaign: 'songkran', occurredAt };
  });
  return { query: TRACK, variables: { input: { deviceId: `bench-${randomUUID()}`, events } } };
}

interface EventRow {
  scenario: string;
  batch: number;
  result: Awaited<ReturnType<typeof import('./load.js').load>>;
}

/** Runs every scenario on `database` (already seeded); returns the rows and the summary job's figures. */
export async function benchEvents(database: Database, options: { concurrency: number; requests: number }) {
  const { sql } = await import('drizzle-orm');
  const { serveSubgraph } = await import('@shop/kit/subgraph-server');
  const { signCaller } = await import('@shop/kit/principal-header');
  const { subgraph } = await import('@shop/gateway/subgraphs');
  const { members } = await import('@shop/members');
  const { startTestGateway } = await import('../kit/gateway.js');
  const { load } = await import('./load.js');

  const products = await database.db.execute<{ id: string }>(sql`select id from products.product order by id limit 20`);
  const productIds = products.map((p) => p.id);
  const rows: EventRow[] = [];

  // Baseline: the members subgraph directly (signed as the gateway would, anonymous caller), no gateway.
  const direct = await serveSubgraph(subgraph('members'), database.db, 0);
  const directUrl = `http://127.0.0.1:${(direct.address() as { port: number }).port}/graphql`;
  for (const size of BATCHES) {
    const body = batch(size, productIds);
    const signed = () => signCaller(process.env.GATEWAY_SIGNING_SECRET!, { principal: { kind: 'anonymous' }, clientAddress: null, userAgent: null }, body, 'bench');
    rows.push({ scenario: 'baseline: members subgraph direct', batch: size, result: await load(directUrl, body, { ...options, headers: signed }) });
  }
  direct.close();

  for (const mode of ['in-process', 'distributed'] as const) {
    const gateway = await startTestGateway(mode, database.db);
    for (const size of BATCHES) {
      rows.push({ scenario: `${mode} gateway`, batch: size, result: await load(gateway.url, batch(size, productIds), options) });
    }
    await gateway.stop();
  }

  const [count] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.behaviour_event`);
  const memoryBefore = process.memoryUsage().rss;
  const started = performance.now();
  await members.tasks['members.summariseEvents']!({}, database.db);
  const summary = { events: count!.n, ms: performance.now() - started, rssDeltaMb: (process.memoryUsage().rss - memoryBefore) / 2 ** 20 };
  return { rows, summary };
}

export function printEvents({ rows, summary }: Awaited<ReturnType<typeof benchEvents>>, options: { concurrency: number; requests: number }) {
  console.log(`\nbehaviour events: ${options.concurrency} concurrent clients, ${options.requests} requests per scenario (anonymous storefront, one client address)`);
  console.table(
    rows.map(({ scenario, batch: size, result: r }) => ({
      scenario,
      'events/call': size,
      'calls/s': r.perSecond.toFixed(0),
      'events/s': (r.perSecond * size).toFixed(0),
      'p50 ms': r.p50.toFixed(1),
      'p95 ms': r.p95.toFixed(1),
      'p99 ms': r.p99.toFixed(1),
      'SQL/req': r.statementsPerRequest.toFixed(2),
      errors: r.errors,
    })),
  );
  console.log(`summary job (members.summariseEvents) over ${summary.events} events: ${summary.ms.toFixed(0)} ms, RSS ${summary.rssDeltaMb >= 0 ? '+' : ''}${summary.rssDeltaMb.toFixed(1)} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      requests: { type: 'string', default: '400' },
      // Its own database when a server is shared (another branch's migrations must not meet this one's).
      database: { type: 'string' },
    },
  });
  const { openDemoBenchDatabase } = await import('./database.js');
  const options = { concurrency: Number(values.concurrency), requests: Number(values.requests) };
  const { database, stop } = await openDemoBenchDatabase(Number(values.scale), { max: 20, name: values.database });
  printEvents(await benchEvents(database, options), options);
  await stop();
  process.exit(0);
}
