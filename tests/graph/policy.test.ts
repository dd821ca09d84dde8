import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assertObjectType,
  buildClientSchema,
  buildSchema,
  defaultFieldResolver,
  getIntrospectionQuery,
  getOperationAST,
  isObjectType,
  parse,
  print,
  type GraphQLSchema,
} from 'graphql';
import type { Principal } from '@shop/kit';
import { compose } from '@shop/gateway/compose';
import { InProcessDataSource } from '@shop/gateway/in-process-data-source';
import { RemoteDataSource } from '@shop/gateway/remote-data-source';
import { seedDemo } from '@shop/gateway/seed/index';
import { analyse } from '@shop/gateway/policy/analyse';
import { callerOf, decide } from '@shop/gateway/policy/decide';
import { planFor, respond } from '@shop/gateway/policy/respond';
import { buildPolicyTable, EMPTY_RULE, type PolicyTable, type Rule } from '@shop/gateway/policy/table';
import { visibleSchema } from '@shop/gateway/policy/visible-schema';
import { BUILT_IN_ROLES } from '../../schema/scopes.js';
import { DEMO_CUSTOMER, DEMO_PARTNER_KEY } from '../kit/callers.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { dataOf } from '../kit/shape.js';

const staff = (roles: string[], stepUpUntil: number | null = null): Principal => ({
  kind: 'staff',
  staffId: `staff-${roles.join('-')}`,
  sessionId: 'session',
  roles,
  scopes: [...new Set(roles.flatMap((role) => BUILT_IN_ROLES[role]!.scopes))],
  stepUpUntil,
});
const ANONYMOUS: Principal = { kind: 'anonymous' };
const CUSTOMER: Principal = { kind: 'customer', memberId: 'member-1', sessionId: 'session' };
const partner = (scopes: string[]): Principal => ({ kind: 'partner', apiKeyId: 'key-1', scopes });

/** What analyse() refuses, as `coordinate:CODE` strings, and whether a mutation is rejected whole. */
function refusals(schema: GraphQLSchema, table: PolicyTable, principal: Principal, query: string) {
  const document = parse(query);
  const analysis = analyse(schema, document, getOperationAST(document)!, table, callerOf(principal));
  return {
    denied: [...analysis.denied.values()].map((d) => `${d.coordinate}:${d.code}`).sort(),
    rejected: analysis.refusedMutationFields.length > 0,
    introspection: analysis.introspection.length,
    analysis,
    document,
  };
}

// Abstract types, payloads and the step-up policy, independent of today's domain SDL.
const FIXTURE = `
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE
  directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE
  type Query {
    node(id: ID!): Node @policy(policies: [["public"]])
    search: [Result!]! @policy(policies: [["public"]])
    ledger: String @requiresScopes(scopes: [["orders:read"]])
    secrets: String @requiresScopes(scopes: [["reports:read"]])
  }
  type Mutation {
    archive(id: ID!): ArchivePayload @requiresScopes(scopes: [["catalog:write"]])
    grant(id: ID!): ArchivePayload @requiresScopes(scopes: [["access:admin"]]) @policy(policies: [["step_up"]])
  }
  type ArchivePayload @policy(policies: [["public"]]) { item: Item }
  interface Node { id: ID! secret: String }
  type Item implements Node @policy(policies: [["public"]]) {
    id: ID!
    secret: String @requiresScopes(scopes: [["catalog:read_cost"]])
  }
  type Receipt implements Node @authenticated { id: ID! secret: String }
  union Result = Item | Receipt
`;

describe('policy enforcement (pure functions)', () => {
  const fixture = buildSchema(FIXTURE);
  const fixtureTable = buildPolicyTable(FIXTURE);
  let api: GraphQLSchema;
  let table: PolicyTable;

  beforeAll(() => {
    const files = compose();
    api = buildSchema(files['api.graphql']);
    table = buildPolicyTable(files['supergraph.graphql']);
  });

  it('a field takes its own rule and its parent type’s: ProductVariant.costPrice is public ∧ catalog:read_cost', () => {
    expect(table.fields['ProductVariant.costPrice']).toEqual({
      authenticated: false,
      scopes: [[['catalog:read_cost']]],
      policies: [[['public']]],
    });
    expect(table.fields['Order.total']?.authenticated).toBe(true);
  });

  it('decide: UNAUTHENTICATED for anonymous on @authenticated, FORBIDDEN without the scope, unclassified denied', () => {
    const orderTotal = table.fields['Order.total'];
    expect(decide(orderTotal, callerOf(ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(decide(orderTotal, callerOf(CUSTOMER))).toBeNull();
    const cost = table.fields['ProductVariant.costPrice'];
    expect(decide(cost, callerOf(staff(['catalog_manager'])))).toBe('FORBIDDEN');
    expect(decide(cost, callerOf(staff(['owner'])))).toBeNull();
    expect(decide(undefined, callerOf(staff(['owner'])))).toBe('FORBIDDEN');
    expect(decide(EMPTY_RULE, callerOf(staff(['owner'])))).toBe('FORBIDDEN');
  });

  it('decide: step_up gives STEP_UP_REQUIRED only to a caller the rest of the rule allows; owner is a role', () => {
    const sensitive: Rule = { authenticated: false, scopes: [[['access:admin']]], policies: [[['step_up']]] };
    expect(decide(sensitive, callerOf(staff(['admin'])))).toBe('STEP_UP_REQUIRED');
    expect(decide(sensitive, callerOf(staff(['admin'], Date.now() + 60_000)))).toBeNull();
    expect(decide(sensitive, callerOf(staff(['admin'], Date.now() - 1)))).toBe('STEP_UP_REQUIRED');
    expect(decide(sensitive, callerOf(staff(['catalog_manager'])))).toBe('FORBIDDEN');
    expect(decide(sensitive, callerOf(partner(['access:admin'])))).toBe('FORBIDDEN');
    const ownerOnly: Rule = { authenticated: false, scopes: [], policies: [[['owner']]] };
    expect(decide(ownerOnly, callerOf(staff(['owner'])))).toBeNull();
    expect(decide(ownerOnly, callerOf(staff(['admin'])))).toBe('FORBIDDEN');
  });

  it('anonymous browses the catalog; cost, stock, orders, coupons and sales are refused', () => {
    const { denied } = refusals(api, table, ANONYMOUS, `query ($from: DateTime!, $to: DateTime!) {
      products(first: 2) { edges { node { title variants { sku price { amount } costPrice { amount } stock { available } } } } }
      orders(first: 1) { totalCount }
      coupons(first: 1) { totalCount }
      warehouses { code }
      salesSummary(from: $from, to: $to) { orderCount }
    }`);
    expect(denied).toEqual([
      'ProductVariant.costPrice:FORBIDDEN',
      'ProductVariant.stock:FORBIDDEN',
      'Query.coupons:FORBIDDEN',
      'Query.orders:FORBIDDEN',
      'Query.salesSummary:FORBIDDEN',
      'Query.warehouses:FORBIDDEN',
    ]);
  });

  it('fragments, inline fragments and aliases do not hide a field', () => {
    const query = `{ products(first: 1) { edges { node { ...P } } } }
      fragment P on Product { variants { ... on ProductVariant { sku hidden: costPrice { amount } } ...V } }
      fragment V on ProductVariant { again: costPrice { currencyCode } }`;
    expect(refusals(api, table, staff(['catalog_manager']), query).denied).toEqual([
      'ProductVariant.costPrice:FORBIDDEN',
      'ProductVariant.costPrice:FORBIDDEN',
    ]);
    expect(refusals(api, table, staff(['owner']), query).denied).toEqual([]);
  });

  it('a field on an interface is refused when any implementation refuses it; union members are judged per fragment', () => {
    expect(refusals(fixture, fixtureTable, staff(['catalog_manager']), `{ node(id: "1") { id secret } }`).denied).toEqual([
      'Node.secret:FORBIDDEN',
    ]);
    expect(refusals(fixture, fixtureTable, ANONYMOUS, `{ node(id: "1") { id } }`).denied).toEqual(['Node.id:UNAUTHENTICATED']);
    expect(
      refusals(fixture, fixtureTable, staff(['catalog_manager']), `{ search { __typename ... on Item { id secret } ... on Receipt { id } } }`)
        .denied,
    ).toEqual(['Item.secret:FORBIDDEN']);
    expect(refusals(fixture, fixtureTable, ANONYMOUS, `{ search { __typename } }`).denied).toEqual([]);
  });

  it('a mutation is rejected whole when a root field is refused; refused payload fields are only nulled', () => {
    const mutation = `mutation { archive(id: "1") { item { id secret } } }`;
    expect(refusals(fixture, fixtureTable, staff(['catalog_manager']), mutation)).toMatchObject({
      denied: ['Item.secret:FORBIDDEN'],
      rejected: false,
    });
    expect(refusals(fixture, fixtureTable, staff(['analyst']), mutation)).toMatchObject({
      denied: ['Mutation.archive:FORBIDDEN'],
      rejected: true,
    });
    expect(refusals(fixture, fixtureTable, staff(['admin']), `mutation { grant(id: "1") { __typename } }`)).toMatchObject({
      denied: ['Mutation.grant:STEP_UP_REQUIRED'],
      rejected: true,
    });
  });

  it('introspection needs schema:read; __typename is always allowed; an introspection field does not exempt the rest', () => {
    const query = `{ __typename __schema { queryType { name } } ledger }`;
    expect(refusals(fixture, fixtureTable, ANONYMOUS, query).denied).toEqual(['Query.ledger:FORBIDDEN', '__schema:FORBIDDEN']);
    expect(refusals(fixture, fixtureTable, staff(['catalog_manager']), query).denied).toContain('__schema:FORBIDDEN');
    const reader = refusals(fixture, fixtureTable, partner(['schema:read']), query);
    expect(reader.denied).toEqual(['Query.ledger:FORBIDDEN']);
    expect(reader.introspection).toBe(1);
    // Fragments on introspection types are judged at __schema/__type, not as data fields.
    const fragments = `{ __schema { types { ...T } } } fragment T on __Type { name fields { name } }`;
    expect(refusals(fixture, fixtureTable, partner(['schema:read']), fragments).denied).toEqual([]);
    expect(refusals(fixture, fixtureTable, ANONYMOUS, fragments).denied).toEqual(['__schema:FORBIDDEN']);
  });

  it('the filtered document drops refused fields, keeps aliases, types abstract selections and has its own hash', () => {
    const query = `{ node(id: "1") { id hidden: secret } search { ... on Item { id } } }`;
    const { analysis, document } = refusals(fixture, fixtureTable, staff(['catalog_manager']), query);
    const plan = planFor(fixture, document, analysis);
    const printed = plan.filtered!.source;
    expect(printed).not.toContain('secret');
    expect(printed).toContain('__authz_t: __typename');
    expect(plan.filtered!.queryHash).not.toBe(createHash('sha256').update(query).digest('hex'));
    expect(plan.filtered!.queryHash).toBe(createHash('sha256').update(printed).digest('hex'));
  });

  it('filter mode: the refused field is null with FORBIDDEN at its exact path, the rest answers', async () => {
    const query = `{ node(id: "1") { id hidden: secret } }`;
    const { analysis, document } = refusals(fixture, fixtureTable, staff(['catalog_manager']), query);
    const executor = vi.fn(async (request: any) => {
      expect(print(request.document)).not.toContain('secret');
      return { data: { node: { id: '1', __authz_t: 'Item' } } };
    });
    const response = await respond(requestContext(fixture, document), planFor(fixture, document, analysis), fixtureTable, executor as never, () => fixture);
    expect(executor).toHaveBeenCalledTimes(1);
    expect(singleResult(response)).toMatchObject({
      data: { node: { id: '1', hidden: null } },
      errors: [{ path: ['node', 'hidden'], extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it('filter mode keeps its errors after Apollo Server wraps the schema’s resolvers (cache control does)', async () => {
    const instrumented = buildSchema(FIXTURE);
    for (const type of Object.values(instrumented.getTypeMap())) {
      if (isObjectType(type) && !type.name.startsWith('__')) for (const field of Object.values(type.getFields())) field.resolve = defaultFieldResolver;
    }
    const { analysis, document } = refusals(instrumented, fixtureTable, ANONYMOUS, `{ ledger }`);
    const response = await respond(requestContext(instrumented, document), planFor(instrumented, document, analysis), fixtureTable, vi.fn() as never, () => instrumented);
    expect(singleResult(response)).toMatchObject({ data: { ledger: null }, errors: [{ path: ['ledger'], extensions: { code: 'FORBIDDEN' } }] });
  });

  it('filter mode: when every root field is refused no subgraph is asked', async () => {
    const { analysis, document } = refusals(fixture, fixtureTable, ANONYMOUS, `{ ledger secrets }`);
    const executor = vi.fn();
    const response = await respond(requestContext(fixture, document), planFor(fixture, document, analysis), fixtureTable, executor as never, () => fixture);
    expect(executor).not.toHaveBeenCalled();
    expect(singleResult(response)).toMatchObject({
      data: { ledger: null, secrets: null },
      errors: [
        { path: ['ledger'], extensions: { code: 'FORBIDDEN' } },
        { path: ['secrets'], extensions: { code: 'FORBIDDEN' } },
      ],
    });
  });

  it('introspection answers from the caller’s visible schema; refused __schema nulls the answer', async () => {
    const reader = partner(['schema:read', 'orders:read']);
    const query = `{ __type(name: "Query") { fields { name } } }`;
    const { analysis, document } = refusals(fixture, fixtureTable, reader, query);
    const visible = visibleSchema(fixture, fixtureTable, callerOf(reader));
    const response = await respond(requestContext(fixture, document), planFor(fixture, document, analysis), fixtureTable, vi.fn() as never, () => visible);
    const names = dataOf<{ __type: { fields: { name: string }[] } }>(singleResult(response)).__type.fields.map((f: { name: string }) => f.name);
    expect(names.sort()).toEqual(['ledger', 'node', 'search']);

    const anonymous = refusals(fixture, fixtureTable, ANONYMOUS, `{ __schema { queryType { name } } }`);
    const refused = await respond(requestContext(fixture, anonymous.document), planFor(fixture, anonymous.document, anonymous.analysis), fixtureTable, vi.fn() as never, () => fixture);
    expect(singleResult(refused)).toMatchObject({ data: null, errors: [{ path: ['__schema'], extensions: { code: 'FORBIDDEN' } }] });
  });

  it('the visible schema shows a partner only what its scopes reach', () => {
    const fields = (schema: GraphQLSchema, type: string) => {
      const named = schema.getType(type);
      return Object.keys(named && 'getFields' in named ? named.getFields() : {});
    };
    const catalogOnly = visibleSchema(api, table, callerOf(partner(['catalog:read', 'schema:read'])));
    expect(fields(catalogOnly, 'Query')).toContain('products');
    expect(fields(catalogOnly, 'Query')).not.toContain('orders');
    expect(fields(catalogOnly, 'ProductVariant')).not.toContain('costPrice');
    expect(fields(catalogOnly, 'ProductVariant')).not.toContain('stock');
    expect(catalogOnly.getType('Order')).toBeUndefined();
    expect(catalogOnly.getType('Warehouse')).toBeUndefined();
    const owner = visibleSchema(api, table, callerOf(staff(['owner'])));
    expect(fields(owner, 'ProductVariant')).toEqual(expect.arrayContaining(['costPrice', 'stock']));
    expect(fields(owner, 'Query')).toEqual(expect.arrayContaining(['orders', 'salesSummary', 'coupons']));
  });
});

function requestContext(schema: GraphQLSchema, document: ReturnType<typeof parse>): never {
  return {
    schema,
    document,
    operationName: null,
    request: { variables: {} },
    contextValue: {},
    metrics: {},
  } as never;
}

function singleResult(response: Awaited<ReturnType<typeof respond>>) {
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe.each(['in-process', 'distributed'] as const)('policy through the gateway (%s)', (mode) => {
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
  afterEach(() => vi.restoreAllMocks());

  /** Counts fetches the gateway hands to subgraphs, whichever the mode. */
  function spySubgraphs() {
    return [vi.spyOn(InProcessDataSource.prototype, 'process'), vi.spyOn(RemoteDataSource.prototype, 'process')];
  }
  const subgraphCalls = (spies: ReturnType<typeof spySubgraphs>) => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);

  it('anonymous: public catalog fields answer, protected ones are null with FORBIDDEN at their exact paths', async () => {
    const { status, body } = await gateway.query(
      `query Storefront($from: DateTime!, $to: DateTime!) {
        products(first: 2) { edges { node { title variants { sku price { amount } cost: costPrice { amount } stock { available } } } } }
        orders(first: 1) { totalCount }
        coupons(first: 1) { totalCount }
        salesSummary(from: $from, to: $to) { orderCount }
      }`,
      { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
    );
    expect(status).toBe(200);
    const node = body.data.products.edges[0].node;
    expect(node.title).toBeTruthy();
    expect(node.variants[0]).toMatchObject({ sku: expect.any(String), price: { amount: expect.any(String) }, cost: null, stock: null });
    expect(body.data).toMatchObject({ orders: null, coupons: null, salesSummary: null });
    const at = (path: (string | number)[]) =>
      body.errors!.find((e: any) => JSON.stringify(e.path) === JSON.stringify(path))?.extensions?.code;
    expect(at(['products', 'edges', 0, 'node', 'variants', 0, 'cost'])).toBe('FORBIDDEN');
    expect(at(['products', 'edges', 0, 'node', 'variants', 0, 'stock'])).toBe('FORBIDDEN');
    expect(at(['orders'])).toBe('FORBIDDEN');
    expect(at(['coupons'])).toBe('FORBIDDEN');
    expect(at(['salesSummary'])).toBe('FORBIDDEN');
  });

  it('refusals keep their errors after ordinary requests have run', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await gateway.query(`{ products(first: 1) { totalCount } }`)).body.errors).toBeUndefined();
      const { body } = await gateway.query(`{ orders(first: 1) { totalCount } }`);
      expect(body).toMatchObject({ data: { orders: null }, errors: [{ path: ['orders'], extensions: { code: 'FORBIDDEN' } }] });
    }
  });

  it('anonymous: an operation that is entirely refused reaches no subgraph', async () => {
    const spies = spySubgraphs();
    const { status, body } = await gateway.query(`{ orders(first: 5) { totalCount } warehouses { code } }`);
    expect(subgraphCalls(spies)).toBe(0);
    expect(status).toBe(200);
    expect(body.data).toEqual({ orders: null, warehouses: null });
    expect(body.errors!.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('anonymous: a refused mutation is rejected whole with 403 and reaches no subgraph', async () => {
    const spies = spySubgraphs();
    const { status, body } = await gateway.query(
      `mutation ($input: RoleCreateInput!) { roleCreate(input: $input) { role { id } userErrors { code } } }`,
      { input: { name: 'never_created', title: 'Never', scopes: ['catalog:read'] } },
    );
    expect(subgraphCalls(spies)).toBe(0);
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors).toMatchObject([{ path: ['roleCreate'], extensions: { code: 'FORBIDDEN' } }]);
  });

  it('a permitted mutation runs; payload fields the caller may not read are nulled at their paths', async () => {
    const { status, body } = await gateway.query(
      `mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token member { id } } }`,
      { input: DEMO_CUSTOMER },
    );
    expect(status).toBe(200);
    expect(body.data.customerLogin).toEqual({ token: expect.any(String), member: null });
    expect(body.errors).toMatchObject([{ path: ['customerLogin', 'member', 'id'], extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('anonymous: introspection is FORBIDDEN, __typename is not', async () => {
    const { body } = await gateway.query(`{ __schema { queryType { name } } }`);
    expect(body).toMatchObject({ data: null, errors: [{ path: ['__schema'], extensions: { code: 'FORBIDDEN' } }] });
    const typename = await gateway.query(`{ __typename }`);
    expect(typename.body).toEqual({ data: { __typename: 'Query' }, extensions: expect.anything() });
  });

  it('a partner key introspects only what its scopes reach', async () => {
    const { body } = await gateway.query(
      `{ variant: __type(name: "ProductVariant") { fields { name } } query: __type(name: "Query") { fields { name } } coupon: __type(name: "Coupon") { name } }`,
      {},
      { authorization: `Bearer ${DEMO_PARTNER_KEY}` },
    );
    expect(body.errors).toBeUndefined();
    const names = (type: any) => type.fields.map((f: { name: string }) => f.name);
    expect(names(body.data.variant)).toEqual(expect.arrayContaining(['sku', 'price', 'stock']));
    expect(names(body.data.variant)).not.toContain('costPrice');
    expect(names(body.data.query)).toEqual(expect.arrayContaining(['products', 'orders']));
    expect(names(body.data.query)).not.toContain('coupons');
    expect(names(body.data.query)).not.toContain('auditLog');
    expect(body.data.coupon).toBeNull();
  });

  it('the playground’s full introspection query works for a partner and builds its filtered schema', async () => {
    const { status, body } = await gateway.query(getIntrospectionQuery(), {}, { authorization: `Bearer ${DEMO_PARTNER_KEY}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const schema = buildClientSchema(body.data);
    expect(Object.keys(assertObjectType(schema.getType('ProductVariant')).getFields())).not.toContain('costPrice');
    expect(schema.getType('AuditEntry')).toBeUndefined();
    expect(schema.getQueryType()!.getFields().products).toBeDefined();
  });

  it('serves the playground offline: one self-contained page, no CDN', async () => {
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/playground'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    // Resources the page loads from elsewhere: script/link/img/iframe sources and CSS imports.
    const external = html.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\/[^"'\s>]+/gi) ?? [];
    expect(external).toEqual([]);
    const hosts = new Set((html.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? []).map((u) => u.replace(/^(?:https?:)?\/\//i, '')));
    expect([...hosts].filter((host) => /cdn|googleapis|unpkg|jsdelivr|esm\.sh|apollographql/i.test(host))).toEqual([]);
  });
});
