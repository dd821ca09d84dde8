/**
 * `pnpm bench [--scale N] [--concurrency C] [--requests R]`: the gateway in both
 * modes against a baseline in the same run (the products subgraph called
 * directly over HTTP, no gateway), on a seeded database. Prints figures only.
 * `pnpm bench <name> [options]` runs a named benchmark of NAMED instead.
 */
import './env.js';

const NAMED: Record<string, () => Promise<unknown>> = {
  'checkout-promotions': () => import('./checkout-promotions.js'),
  documents: () => import('./documents.js'),
  'flash-sale': () => import('./flash-sale.js'),
  'members-list': () => import('./members-list.js'),
  'orders-export': () => import('./orders-export.js'),
  recommendations: () => import('./recommendations.js'),
  'reports-builder': () => import('./reports-builder.js'),
  webhooks: () => import('./webhooks.js'),
};
const named = process.argv[2]?.startsWith('-') ? undefined : process.argv[2];
if (named) {
  if (!NAMED[named]) throw new Error(`No benchmark "${named}"; named ones: ${Object.keys(NAMED).join(', ')}.`);
  await NAMED[named]();
  process.exit(0);
}

const { parseArgs } = await import('node:util');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
    requests: { type: 'string', default: '400' },
  },
});
const { openDemoBenchDatabase } = await import('./database.js');
const { serveSubgraph } = await import('@shop/kit/subgraph-server');
const { subgraph } = await import('@shop/gateway/subgraphs');
const { startTestGateway } = await import('../kit/gateway.js');
const { figures, load } = await import('./load.js');
const { signCaller } = await import('@shop/kit/principal-header');
const { TEST_OPERATOR } = await import('../kit/principals.js');
const { ownerHeaders } = await import('../kit/callers.js');

const scale = Number(values.scale);
const options = { concurrency: Number(values.concurrency), requests: Number(values.requests) };

const { database, stop } = await openDemoBenchDatabase(scale, { max: 20 });

const PRODUCTS = { query: `{ products(first: 50) { edges { node { id title variants { sku price { amount currencyCode } } } } } }` };
const PRODUCTS_STOCK = { query: `{ products(first: 50) { edges { node { id title variants { sku price { amount currencyCode } stock { available levels { warehouse { code } available } } } } } } }` };
const ORDERS = { query: `{ orders(first: 50) { edges { node { number total { amount currencyCode } member { displayName } lines { quantity variant { sku stock { available } } } } } } }` };

const rows: { scenario: string; result: Awaited<ReturnType<typeof load>> }[] = [];

// Baseline: the products subgraph called directly (signed as the gateway would), no gateway at all.
const direct = await serveSubgraph(subgraph('products'), database.db, 0);
const directUrl = `http://127.0.0.1:${(direct.address() as { port: number }).port}/graphql`;
// Signed per request as the gateway does: a subgraph accepts each signature once.
const signed = () => signCaller(process.env.GATEWAY_SIGNING_SECRET!, { principal: TEST_OPERATOR, clientAddress: null, userAgent: null }, PRODUCTS, 'bench');
rows.push({ scenario: 'baseline: products subgraph direct, products(50)', result: await load(directUrl, PRODUCTS, { ...options, headers: signed }) });

for (const mode of ['in-process', 'distributed'] as const) {
  for (const enforcePolicy of [true, false]) {
    const gateway = await startTestGateway(mode, database.db, { enforcePolicy });
    const headers = await ownerHeaders(gateway);
    const label = `${mode}${enforcePolicy ? '' : ', policy OFF'}`;
    const run = { ...options, headers };
    rows.push({ scenario: `${label}: products(50)`, result: await load(gateway.url, PRODUCTS, run) });
    if (enforcePolicy) {
      rows.push({ scenario: `${label}: products(50) + stock`, result: await load(gateway.url, PRODUCTS_STOCK, run) });
    }
    rows.push({ scenario: `${label}: orders(50) deep`, result: await load(gateway.url, ORDERS, run) });
    await gateway.stop();
  }
}
direct.close();

// Behaviour event ingestion on the same database (tests/bench/events.ts).
const { benchEvents, printEvents } = await import('./events.js');
const events = await benchEvents(database, options);

console.log(`\nscale ${scale}, ${options.concurrency} concurrent clients, ${options.requests} requests per scenario, NODE_ENV=${process.env.NODE_ENV ?? ''}`);
console.table(
  rows.map(({ scenario, result }) => ({ scenario, ...figures(result) })),
);
printEvents(events, options);
await stop();
process.exit(0);
