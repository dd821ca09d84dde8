import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { SCHEMA_DIR } from '@shop/kit';
import { PUBLIC_ERROR_CODES } from '@shop/kit/error-mask';
import { MAX_CSV_TEXT_LENGTH, MAX_RICH_TEXT_LENGTH, MAX_SEARCH_LENGTH, MAX_TEXT_LENGTH } from '@shop/gateway/limits/input-guard';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

// Thousands of requests from one caller: the cost bucket must not turn them into THROTTLED before they reach a service.
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
  process.env.COST_RESTORE_RATE = '100000000';
});

/**
 * Bad input generated from the API schema: every string, id and number leaf
 * reachable in the arguments of every mutation and of every query field that
 * takes arguments (list filters, searches, sort keys, cursors) gets NUL, a lone
 * surrogate, text just past its bound, and numbers past the columns. No answer
 * may be a 500, carry SQL, a stack trace, a file path or a library name, or be
 * an unexpected (masked) error; an answer that is an error leaves the tables as they were.
 */
const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));

type Path = (string | number)[];
interface Case {
  name: string;
  operation: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
}

const SEARCH_NAMES = new Set(['filter', 'query', 'search']);
const CURSOR_ARGS = new Set(['after', 'before']);
/** They end the caller's own session: nothing to inject (booleans only) and a session to keep. */
const SKIPPED = new Set(['Mutation.staffLogout', 'Mutation.customerLogout']);
const MAX_INPUT_DEPTH = 4;

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const CURSORS = [
  cursor(['not-a-date', 'x']),
  cursor(['2026-01-01T00:00:00Z', 'not-a-uuid']),
  cursor([1e300, '00000000-0000-0000-0000-000000000000']),
  cursor({ value: 1 }),
  cursor(['a\u0000b', '00000000-0000-0000-0000-000000000000']),
  '%%%not-base64%%%',
];

/** Text that PostgreSQL cannot compress below its length (unlike 'xxxx…'). */
function incompressible(length: number): string {
  let text = '';
  for (let seed = 1; text.length < length; seed = (seed * 48271) % 2147483647) text += String.fromCharCode(97 + (seed % 26));
  return text;
}

/** A valid-shaped value of a type: required fields only, one list element. */
function sample(type: GraphQLInputType, depth = 0): unknown {
  const named = getNamedType(type);
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sample(nullable.ofType, depth)];
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    if (depth > MAX_INPUT_DEPTH) return value;
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type, depth + 1);
    }
    return value;
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  switch (named.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'Decimal':
      return '1.00';
    case 'DateTime':
      return '2026-01-01T00:00:00Z';
    default:
      return 'x';
  }
}

interface Leaf {
  path: Path;
  scalar: string;
  search: boolean;
}

/** Every scalar leaf under a type, with its path (lists get index 0). */
function leaves(type: GraphQLInputType, path: Path, search: boolean, depth = 0): Leaf[] {
  const named = getNamedType(type);
  const nullable = getNullableType(type);
  if (isListType(nullable)) return leaves(nullable.ofType, [...path, 0], search, depth);
  if (isInputObjectType(named)) {
    if (depth > MAX_INPUT_DEPTH) return [];
    return Object.values(named.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], search || SEARCH_NAMES.has(f.name), depth + 1));
  }
  if (isScalarType(named) && named.name !== 'Boolean') return [{ path, scalar: named.name, search }];
  return [];
}

/** The bad values for one leaf. */
function injections(leaf: Leaf): { label: string; value: unknown }[] {
  const last = leaf.path.at(-1);
  if (typeof last === 'string' && CURSOR_ARGS.has(last)) return CURSORS.map((value, i) => ({ label: `cursor#${i}`, value }));
  const bound = leaf.search
    ? MAX_SEARCH_LENGTH
    : last === 'descriptionHtml' ? MAX_RICH_TEXT_LENGTH : last === 'csv' ? MAX_CSV_TEXT_LENGTH : MAX_TEXT_LENGTH;
  switch (leaf.scalar) {
    case 'String':
    case 'ID':
      return [
        { label: 'nul', value: 'a\u0000b' },
        { label: 'lone-surrogate', value: 'a\uD800b' },
        { label: 'oversized', value: 'x'.repeat(bound + 1) },
        // At the bound and incompressible: passes the edge, so the service must refuse or store it (a btree index holds ~2.7 KB).
        { label: 'at-bound', value: incompressible(bound) },
      ];
    case 'Int':
      return [
        { label: 'int-max', value: 2 ** 31 - 1 },
        { label: 'int-past-max', value: 2 ** 31 },
        { label: 'int-past-min', value: -(2 ** 31) - 1 },
        { label: 'int-min', value: -(2 ** 31) },
      ];
    case 'Float':
      return [{ label: 'float-huge', value: 1e308 }, { label: 'float-1e20', value: 1e20 }];
    case 'Decimal':
      return [
        { label: 'decimal-1e20', value: '1e20' },
        { label: 'decimal-21-digits', value: '100000000000000000000' },
        { label: 'decimal-nan', value: 'NaN' },
        { label: 'decimal-negative-huge', value: '-99999999999999999999.99' },
        { label: 'decimal-max', value: '999999999999.99' },
      ];
    case 'DateTime':
      return [
        { label: 'datetime-year-0', value: '0000-01-01T00:00:00Z' },
        { label: 'datetime-js-min', value: '-271821-04-20T00:00:00Z' },
        { label: 'datetime-js-max', value: '+275760-09-13T00:00:00Z' },
      ];
    default:
      return [{ label: 'nul', value: 'a\u0000b' }];
  }
}

/** Sets one leaf inside the variables, creating the valid-shaped objects and lists around it. */
function setAt(variables: Record<string, unknown>, path: Path, value: unknown, argType: GraphQLInputType): void {
  const [argName, ...inside] = path as [string, ...Path];
  if (!inside.length) {
    variables[argName] = value;
    return;
  }
  variables[argName] ??= sample(argType);
  let target = variables[argName] as Record<string | number, unknown>;
  let type = argType;
  for (const [i, key] of inside.entries()) {
    const nullable = getNullableType(type);
    const next: GraphQLInputType = isListType(nullable) ? nullable.ofType : (nullable as GraphQLInputObjectType).getFields()[key as string]!.type;
    if (i === inside.length - 1) {
      target[key] = value;
      return;
    }
    target[key] ??= sample(next);
    target = target[key] as Record<string | number, unknown>;
    type = next;
  }
}

/** A small selection that runs the field's resolver: __typename, plus userErrors or totalCount where the type has them. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  const parts = ['__typename'];
  if (fields.userErrors) parts.push('userErrors { code }');
  if (fields.totalCount) parts.push('totalCount');
  if (fields.edges) parts.push('edges { cursor }');
  return ` { ${parts.join(' ')} }`;
}

function casesFor(schema: GraphQLSchema): Case[] {
  const cases: Case[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) {
      if (SKIPPED.has(`${root.name}.${field.name}`) || !field.args.length) continue;
      const argList = (args: readonly GraphQLArgument[]) => args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const query = `${operation} Case(${argList(field.args)}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection(field)} }`;
      const base = () => {
        const variables: Record<string, unknown> = {};
        for (const arg of field.args) if (isNonNullType(arg.type)) variables[arg.name] = sample(arg.type);
        return variables;
      };
      for (const arg of field.args) {
        for (const leaf of leaves(arg.type, [arg.name], SEARCH_NAMES.has(arg.name))) {
          for (const { label, value } of injections(leaf)) {
            const variables = base();
            setAt(variables, leaf.path, value, arg.type);
            cases.push({ name: `${field.name}(${leaf.path.join('.')}) ${label}`, operation, query, variables });
          }
        }
      }
    }
  }
  return cases;
}

const CASES = casesFor(api);

/** What must never appear in an answer. */
const LEAKS: [string, RegExp][] = [
  ['sql select', /\bselect\b[^"]{0,200}\bfrom\b/i],
  ['sql insert', /\binsert into\b/i],
  ['sql update', /\bupdate\s+"?\w+"?\."?\w+"?\s+set\b/i],
  ['sql where', /\bwhere\s+"?\w+"?\."?\w+"?\s*(=|<|>|in\b|is\b)/i],
  ['sql parameter', /\$\d+\b/],
  ['stack trace', / {4}at /],
  ['file path', /\/work\/|\.ts:\d|node_modules/],
  ['library name', /drizzle|postgres|graphql-armor/i],
  ['stacktrace extension', /"stacktrace"/],
];

const MAIN_TABLES = [
  'products.product', 'products.variant', 'products.category', 'products.collection', 'products.review',
  'stock.level', 'stock.movement', 'stock.warehouse', 'stock.supplier', 'stock.purchase_order', 'stock.transfer', 'stock.reservation',
  'orders.order', 'orders.payment', 'orders.cart',
  'members.member', 'coupons.coupon', 'access.staff', 'access.role', 'access.api_key',
];

async function tableCounts(database: TestDatabase): Promise<string> {
  const selects = MAIN_TABLES.map((t) => `(select count(*) from ${t}) as "${t}"`).join(', ');
  const [row] = await database.db.execute(sql.raw(`select ${selects}`));
  return JSON.stringify(row);
}

interface Outcome {
  name: string;
  status: number;
  /** The code of the first GraphQL error, the first userError as `userError:<code>`, or `ok`. */
  outcome: string;
  leaks: string[];
  unexpectedCodes: string[];
  isError: boolean;
}

function judge(testCase: Case, status: number, text: string): Outcome {
  const leaks = LEAKS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  let outcome = 'unparsable';
  let isError = true;
  const unexpectedCodes: string[] = [];
  try {
    const body = JSON.parse(text) as { data?: Record<string, { userErrors?: { code: string }[] } | null>; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
    unexpectedCodes.push(...codes.filter((c) => !PUBLIC_ERROR_CODES.has(c)));
    const payload = body.data ? Object.values(body.data)[0] : null;
    const userError = payload?.userErrors?.[0]?.code;
    outcome = codes[0] ?? (userError ? `userError:${userError}` : 'ok');
    isError = codes.length > 0 || !!userError;
  } catch {
    leaks.push('not JSON');
  }
  return { name: testCase.name, status, outcome, leaks, unexpectedCodes, isError };
}

async function runCases(gateway: TestGateway, database: TestDatabase, headers: Record<string, string>, cases: Case[], concurrency: number) {
  const outcomes: Outcome[] = [];
  const writesOnError: string[] = [];
  for (let i = 0; i < cases.length; i += concurrency) {
    const batch = cases.slice(i, i + concurrency);
    const before = await tableCounts(database);
    const answers = await Promise.all(
      batch.map(async (c) => {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: c.query, variables: c.variables }),
        });
        return judge(c, response.status, await response.text());
      }),
    );
    outcomes.push(...answers);
    // Only a batch whose every answer was an error must leave the tables alone (a valid-looking case may write).
    if (answers.every((a) => a.isError) && (await tableCounts(database)) !== before) writesOnError.push(batch.map((c) => c.name).join(' | '));
  }
  return { outcomes, writesOnError };
}

function report(mode: string, outcomes: Outcome[]) {
  const byCode = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.outcome.startsWith('userError:') ? 'userError' : o.outcome;
    byCode.set(key, (byCode.get(key) ?? 0) + 1);
  }
  const statuses = new Map<number, number>();
  for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
  console.log(
    `bad input (${mode}): ${outcomes.length} cases; outcomes ${JSON.stringify(Object.fromEntries([...byCode].sort((a, b) => b[1] - a[1])))}; ` +
      `HTTP ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

function expectClean(outcomes: Outcome[], writesOnError: string[]) {
  const failures = outcomes
    .filter((o) => o.status >= 500 || o.leaks.length || o.unexpectedCodes.length)
    .map((o) => `${o.name}: HTTP ${o.status} ${o.outcome} ${o.leaks.join(',')} ${o.unexpectedCodes.join(',')}`);
  expect(failures).toEqual([]);
  expect(writesOnError).toEqual([]);
}

async function ownerWithStepUp(gateway: TestGateway): Promise<Record<string, string>> {
  const token = await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password');
  const { body } = await gateway.query(
    `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
    { input: { password: 'demo-owner-password' } },
    { authorization: `Bearer ${token}` },
  );
  return { authorization: `Bearer ${token}`, 'x-step-up': body.data.stepUpConfirm.stepUpToken };
}

describe('bad input generated from the schema', () => {
  it('covers every mutation with arguments and every query field with arguments', () => {
    const mutations = new Set(CASES.filter((c) => c.operation === 'mutation').map((c) => c.query.match(/\{ (\w+)\(/)![1]));
    const expected = Object.values(api.getMutationType()!.getFields()).filter((f) => !SKIPPED.has(`Mutation.${f.name}`) && leaves(f.args[0]!.type, [], false).length);
    expect([...mutations].sort()).toEqual(expected.map((f) => f.name).sort());
    expect(CASES.length).toBeGreaterThan(1000);
  });

  describe.each([
    // Every case in-process; a representative share (every 7th) through the HTTP subgraphs.
    { mode: 'in-process' as const, pick: (_: Case, i: number) => i >= 0, concurrency: 8 },
    { mode: 'distributed' as const, pick: (_: Case, i: number) => i % 7 === 0, concurrency: 8 },
  ])('$mode', ({ mode, pick, concurrency }) => {
    let database: TestDatabase;
    let gateway: TestGateway;

    beforeAll(async () => {
      database = await createTestDatabase({ max: 12 });
      await seedDemo(database.db);
      gateway = await startTestGateway(mode, database.db);
    });
    afterAll(async () => {
      await gateway?.stop();
      await database?.close();
    });

    it('no answer is a 500, leaks SQL, a stack trace, a path or a library, or is an unexpected error; errors write nothing', { timeout: 240_000 }, async () => {
      const headers = await ownerWithStepUp(gateway);
      const cases = CASES.filter(pick);
      const started = performance.now();
      const { outcomes, writesOnError } = await runCases(gateway, database, headers, cases, concurrency);
      report(mode, outcomes);
      console.log(`bad input (${mode}): ${Math.round(performance.now() - started)} ms`);
      expectClean(outcomes, writesOnError);
    });
  });
});
