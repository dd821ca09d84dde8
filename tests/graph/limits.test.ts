import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { compose } from '@shop/gateway/compose';
import { MAX_ALIASES, MAX_DEPTH, MAX_DIRECTIVES, MAX_TOKENS } from '@shop/gateway/limits/armor';
import { LeakyBuckets } from '@shop/gateway/limits/bucket';
import { queryCost } from '@shop/gateway/limits/cost';
import { COST_CAPACITY, COST_RESTORE_RATE } from '@shop/gateway/limits/cost-plugin';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';

/** A query `levels` fields deep: products → edges → node → (variants → product)… → id. */
function deepQuery(levels: number, name = ''): string {
  let chain = 'id';
  for (let i = levels - 4; i > 0; i -= 1) chain = `${i % 2 ? 'variants' : 'product'} { ${chain} }`;
  return `query ${name} { products(first: 1) { edges { node { ${chain} } } } }`;
}

describe('query cost (pure)', () => {
  const api = buildSchema(compose()['api.graphql']);
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    return queryCost(api, document, getOperationAST(document)!, variables);
  };

  it('objects cost 1, scalars 0, and a connection’s edges count once per requested item', () => {
    expect(cost(`{ products(first: 10) { totalCount edges { node { id title } } } }`)).toBe(1 + 10 * 2);
    expect(cost(`{ products(first: 10) { pageInfo { hasNextPage } edges { cursor node { variants { price { amount } } } } } }`)).toBe(
      1 + 1 + 10 * (1 + 1 + 1 + 1),
    );
    expect(cost(`{ products { edges { node { id } } } }`)).toBe(1 + 20 * 2);
  });

  it('variables drive the page size, through fragments too', () => {
    const query = `query ($n: Int) { products(first: $n) { ...Page } } fragment Page on ProductConnection { edges { node { id } } }`;
    expect(cost(query, { n: 5 })).toBe(1 + 5 * 2);
    expect(cost(query, { n: 200 })).toBe(1 + 200 * 2);
  });

  it('a page above 250 is refused with BAD_USER_INPUT', () => {
    expect(() => cost(`query ($n: Int) { products(last: $n) { totalCount } }`, { n: 251 })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('the leaky bucket refuses what is not there and restores at its rate', () => {
    let now = 0;
    const buckets = new LeakyBuckets(100, 10, () => now);
    expect(buckets.take('a', 80)).toMatchObject({ ok: true, status: { currentlyAvailable: 20 } });
    expect(buckets.take('a', 50)).toMatchObject({ ok: false, retryAfterSeconds: 3, status: { currentlyAvailable: 20 } });
    expect(buckets.take('b', 50).ok).toBe(true);
    now = 3_000;
    expect(buckets.take('a', 50)).toMatchObject({ ok: true, status: { currentlyAvailable: 0, maximumAvailable: 100, restoreRate: 10 } });
  });
});

describe.each(['in-process', 'distributed'] as const)('limits through the gateway (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(gateway.url, { method: 'POST', headers, body });

  it(`depth above ${MAX_DEPTH} is refused; ${MAX_DEPTH} is fine`, async () => {
    const ok = await gateway.query(deepQuery(MAX_DEPTH));
    expect(ok.body.errors).toBeUndefined();
    const { status, body } = await gateway.query(deepQuery(MAX_DEPTH + 1));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/depth limit/i);
  });

  it('naming the operation, a fragment or an alias __schema does not bypass the depth limit', async () => {
    const named = await gateway.query(deepQuery(MAX_DEPTH + 1, '__schema'));
    expect(named.status).toBe(400);
    const fragment = await gateway.query(
      `{ products(first: 1) { edges { node { ...__schema } } } }
       fragment __schema on Product { variants { product { variants { product { variants { product { variants { product { variants { id } } } } } } } } } }`,
    );
    expect(fragment.status).toBe(400);
    expect(fragment.body.errors[0].message).toMatch(/depth limit/i);
    const aliased = await gateway.query(deepQuery(MAX_DEPTH + 1).replace('products(', '__schema: products('));
    expect(aliased.status).toBe(400);
  });

  it(`more than ${MAX_ALIASES} aliases are refused`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: product(id: "${i}") { id }`).join(' ')} }`;
    expect((await gateway.query(aliases(MAX_ALIASES))).status).toBe(200);
    const { status, body } = await gateway.query(aliases(MAX_ALIASES + 1));
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/aliases/i);
  });

  it(`more than ${MAX_DIRECTIVES} directives are refused`, async () => {
    const { status, body } = await gateway.query(`{ __typename ${'@include(if: true) '.repeat(MAX_DIRECTIVES + 1)}}`);
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/directives/i);
  });

  it(`a document of more than ${MAX_TOKENS} tokens is refused before it is parsed whole`, async () => {
    const { status, body } = await gateway.query(`{ ${'__typename '.repeat(MAX_TOKENS)}}`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('a body above 1 MB is refused with 413', async () => {
    // Its own connection: the server answers before reading the rest, so the socket is not reusable.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(gateway.url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on('error', reject);
      request.end(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } }));
    });
    expect(status).toBe(413);
  });

  it('a page above 250 is BAD_USER_INPUT before any subgraph runs', async () => {
    const { status, body } = await gateway.query(`query ($n: Int) { products(first: $n) { totalCount } }`, { n: 1000 });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('every response reports extensions.cost, refused ones included', async () => {
    const { body } = await gateway.query(`query ($n: Int) { products(first: $n) { edges { node { id } } } }`, { n: 10 });
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 21,
      throttleStatus: { maximumAvailable: COST_CAPACITY, currentlyAvailable: expect.any(Number), restoreRate: COST_RESTORE_RATE },
    });
    const refused = await gateway.query(deepQuery(MAX_DEPTH + 1));
    expect(refused.body.extensions.cost.requestedQueryCost).toBe(0);
  });

  it('CSRF prevention refuses a text/plain POST', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/i);
  });

  it('automatic persisted queries: a hash alone works once the query was registered', async () => {
    const query = `{ products(first: 1) { totalCount } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await (await post(JSON.stringify({ extensions }))).json();
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await (await post(JSON.stringify({ query, extensions }))).json();
    expect(registered.data.products.totalCount).toBeGreaterThan(0);
    const byHash = await (await post(JSON.stringify({ extensions }))).json();
    expect(byHash.data).toEqual(registered.data);
  });

  // Last: it empties this caller's bucket.
  it('a caller who spends more than its bucket holds is THROTTLED with 429 and Retry-After', async () => {
    const expensive = `{ a: products(first: 250) { edges { node { id } } } b: products(first: 250) { edges { node { id } } } }`;
    let refused: Response | undefined;
    for (let i = 0; i < 5 && !refused; i += 1) {
      const response = await post(JSON.stringify({ query: expensive }));
      if (response.status === 429) refused = response;
    }
    expect(refused).toBeDefined();
    const body = await refused!.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(Number(refused!.headers.get('retry-after'))).toBe(body.errors[0].extensions.retryAfterSeconds);
    expect(body.extensions.cost.requestedQueryCost).toBe(2 * (1 + 250 * 2));
  });
});
