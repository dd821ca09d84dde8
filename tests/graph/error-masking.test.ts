import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { log, logSink } from '@shop/kit';
import { maskError } from '@shop/kit/error-mask';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { ownerHeaders } from '../kit/callers.js';

// What `pnpm start` runs with: NODE_ENV unset, where Apollo Server would add stack traces by default.
vi.hoisted(() => {
  delete process.env.NODE_ENV;
});

const INSIDE = /select |insert into|\$1|    at |\/work\/|\.ts:|node_modules|drizzle|postgres|graphql-armor|Did you mean|stacktrace/i;

describe('maskError (formatError of the gateway and every subgraph server)', () => {
  const format = (error: unknown) => maskError(error instanceof GraphQLError ? { message: error.message, extensions: { ...error.extensions } } : { message: String(error) }, error);

  it('passes public codes through, without suggestions or inside detail', () => {
    expect(format(new GraphQLError('Cannot query field "costPric" on type "ProductVariant". Did you mean "costPrice"?', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))).toEqual({
      message: 'Cannot query field "costPric" on type "ProductVariant".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(new GraphQLError('Value "COST" does not exist in "ProductSortKey" enum. Did you mean the enum value "COST_PRICE"?', { extensions: { code: 'BAD_USER_INPUT' } })).message).not.toMatch(/Did you mean|COST_PRICE/);
    expect(format(new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN', stacktrace: ['Error', '    at x (/work/a.ts:1:1)'] } }))).toEqual({ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } });
    // A public code does not make SQL public.
    expect(format(new GraphQLError('Failed query: select * from access.staff where email = $1', { extensions: { code: 'BAD_USER_INPUT' } })).message).toBe('Request refused (BAD_USER_INPUT).');
  });

  it('turns everything else into INTERNAL_SERVER_ERROR with no detail: database errors, TypeErrors, unknown and downstream codes', () => {
    const masked = { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(format(new GraphQLError('Failed query: insert into products.product values ($1)\nparams: a\u0000b'))).toEqual(masked);
    expect(format(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual(masked);
    expect(format(new GraphQLError('boom', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'products' } }))).toEqual(masked);
    expect(format(new GraphQLError('boom', { extensions: { code: 'SOMETHING_NEW' } }))).toEqual(masked);
    // Apollo's default code for an uncoded error is never a reason to pass it through.
    expect(format(new GraphQLError('relation "x" does not exist', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }))).toEqual(masked);
  });
});

describe.each(['in-process', 'distributed'] as const)('error answers through the gateway (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = await ownerHeaders(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('a validation error carries no suggestion and no stack trace with NODE_ENV unset', async () => {
    expect(process.env.NODE_ENV).toBeUndefined();
    const { status, body } = await gateway.query(`{ products(first: 1) { edges { node { variants { costPric { amount } } } } } }`, {}, owner);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(body)).not.toMatch(INSIDE);
  });

  it('a database fault answers INTERNAL_SERVER_ERROR with the request id only, and logs the cause under that id', async () => {
    const logged: string[] = [];
    const write = logSink.write;
    const level = log.level;
    logSink.write = (line) => void logged.push(line);
    log.level = 'error';
    await database.db.execute(sql`alter table products.review rename to review_hidden`);
    onTestFinished(async () => {
      logSink.write = write;
      log.level = level;
      await database.db.execute(sql`alter table products.review_hidden rename to review`);
    });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': `masking-${mode}`, ...owner },
      body: JSON.stringify({ query: `{ reviews(first: 1) { totalCount edges { node { id } } } }` }),
    });
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(INSIDE);
    const error = JSON.parse(text).errors[0];
    expect(error).toMatchObject({ message: `Unexpected error. Quote request id masking-${mode}.`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: `masking-${mode}` } });
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'requestId']);
    // The operator finds the cause by the id the caller quotes.
    expect(logged.some((line) => line.includes(`masking-${mode}`) && line.includes('review'))).toBe(true);
  });

  it('inline literals are checked like variables, inside lists and fragments, with the argument path', async () => {
    const nul = await gateway.query(
      `mutation { productTagsAdd(input: { productIds: ["00000000-0000-4000-8000-000000000000"], tags: ["ok", "a\\u0000b"] }) { userErrors { code } } }`,
      {},
      owner,
    );
    expect(nul.status).toBe(400);
    expect(nul.body.errors[0]).toMatchObject({
      message: 'productTagsAdd(input.tags[1]) must not contain the NUL character (U+0000).',
      extensions: { code: 'BAD_USER_INPUT', field: 'productTagsAdd', argumentPath: ['input', 'tags', 1] },
    });
    const search = await gateway.query(`query { ...F } fragment F on Query { products(filter: { query: "${'x'.repeat(201)}" }) { totalCount } }`, {}, owner);
    expect(search.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentPath: ['filter', 'query'] } });
    expect(search.body.errors[0].message).toMatch(/at most 200 characters/);
  });

  it('a crafted cursor is BAD_USER_INPUT, checked against the sort key', async () => {
    const crafted = Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64');
    for (const query of [
      `{ products(first: 1, after: "${crafted}") { totalCount } }`,
      `{ members(first: 1, after: "${crafted}") { totalCount } }`,
      `{ coupons(first: 1, after: "${crafted}") { totalCount } }`,
    ]) {
      const { body } = await gateway.query(query, {}, owner);
      expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Invalid cursor/), extensions: { code: 'BAD_USER_INPUT' } });
    }
    // A cursor of the TITLE order is not one of the CREATED_AT order.
    const { body: byTitle } = await gateway.query(`{ products(first: 1, sortKey: TITLE) { edges { cursor } } }`, {}, owner);
    const { body } = await gateway.query(`{ products(first: 1, after: "${byTitle.data.products.edges[0].cursor}") { totalCount } }`, {}, owner);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('an HTTP route that fails answers a code and the request id only', async () => {
    await database.db.execute(sql`alter table products.import_job rename to import_job_hidden`);
    onTestFinished(async () => {
      await database.db.execute(sql`alter table products.import_job_hidden rename to import_job`);
    });
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/imports/products/00000000-0000-4000-8000-000000000000/errors.csv'), {
      headers: { ...owner, 'x-request-id': 'route-fault' },
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Unexpected error. Quote request id route-fault.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'route-fault' } }],
    });
  });
});
