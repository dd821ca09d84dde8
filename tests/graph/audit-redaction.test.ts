import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  astFromValue,
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log, logSink, SCHEMA_DIR } from '@shop/kit';
import { redact, REDACTED } from '@shop/access/audit';
import { NOT_RESOLVED } from '@shop/gateway/audit/resolved-arguments';
import { seedDemo } from '@shop/gateway/seed/index';
import { sensitiveInput } from '../../schema/sensitive-inputs.js';
import { customerLogin, DEMO_CUSTOMER, staffLogin } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';

/**
 * Generated from the schema: every mutation that can carry a marked input
 * (schema/sensitive-inputs.ts) is sent with canary values — through variables
 * with meaningless names, through one whole-input variable, inline inside an
 * aliased fragment, and with an invalid value through a variable and inline —
 * by a caller the policy lets through and by ones it refuses. No canary may
 * appear in any audit row, log line or response, and each row must still hold
 * the non-sensitive arguments as the server resolved them.
 */

const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));
type Mutation = GraphQLField<unknown, unknown>;

/** Marked coordinates reachable from an input type, through nested inputs and lists. */
function markedUnder(type: GraphQLInputType, seen = new Set<string>()): string[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  seen.add(named.name);
  return Object.values(named.getFields()).flatMap((field) => {
    const coordinate = `${named.name}.${field.name}`;
    return sensitiveInput(coordinate) ? [coordinate] : markedUnder(field.type, seen);
  });
}

const MUTATIONS = Object.values(api.getMutationType()!.getFields()).filter((m) => m.args.some((a) => markedUnder(a.type).length));

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

function luhnCompleted(partial: string): string {
  let sum = 0;
  for (let i = 0; i < partial.length; i += 1) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${partial}${(10 - (sum % 10)) % 10}`;
}

/** Every canary sent, with the forms a service may store or print it in (lower case: searches ignore case). */
const canaries: string[] = [];
const remember = (...forms: string[]) => canaries.push(...forms.map((f) => f.toLowerCase()));

/** A unique value for a marked input, valid-looking where its type or the service needs it. */
function canaryFor(coordinate: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type).name;
  const field = coordinate.split('.')[1]!.toLowerCase();
  if (named === 'Int') {
    // Too short to be unique: checked by the row's shape, not searched for.
    if (field.includes('month')) return randomInt(1, 13);
    if (field.includes('year')) return 2030 + randomInt(10);
    const value = Number(`7${digits(8)}`);
    remember(String(value));
    return value;
  }
  let value: string;
  if (field.includes('email')) value = `canary${hex(8)}@example.test`;
  else if (field.includes('phone')) value = `+66 8${digits(8)}`;
  else if (field.includes('password')) value = `canary-pw-${hex(12)}`;
  else if (coordinate === 'PaymentCardInput.number') value = luhnCompleted(`4${digits(14)}`);
  else if (coordinate === 'PaymentCardInput.cvc') return digits(3);
  else value = `canary ${hex(6)}`;
  remember(value);
  if (field.includes('phone')) remember(value.replace(/\D/g, ''));
  return withNul ? `${value}\u0000` : value;
}

/** While set, text canaries end in NUL, which PostgreSQL refuses: the database error path runs on them. */
let withNul = false;

/** Real ids where a random one would stop the mutation before it reaches its sensitive inputs. */
const fixtures: Record<string, unknown> = {};

/** A value for every required field, canaries for every marked one (optional ones too). */
function build(type: GraphQLInputType, coordinate: string): unknown {
  if (coordinate in fixtures) return fixtures[coordinate];
  if (sensitiveInput(coordinate)) return canaryFor(coordinate, type);
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [build(nullable.ofType, coordinate)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((f) => isNonNullType(f.type) || markedUnder(f.type).length || sensitiveInput(`${nullable.name}.${f.name}`) || `${nullable.name}.${f.name}` in fixtures)
        .map((f) => [f.name, build(f.type, `${nullable.name}.${f.name}`)]),
    );
  }
  switch (getNamedType(nullable).name) {
    case 'ID': return randomUUID();
    case 'Int': return 1;
    case 'Boolean': return false;
    case 'DateTime': return new Date(Date.now() + 86_400_000).toISOString();
    case 'Decimal': return '1.00';
    default: return `plain-${hex(4)}`;
  }
}

/** Text placed in a literal as is (an invalid value). */
class Raw {
  constructor(readonly text: string) {}
}

/** A GraphQL literal for a value; `leaf` may print leaves differently (as variables). */
function literal(value: unknown, type: GraphQLInputType, leaf?: (value: unknown, type: GraphQLInputType) => string): string {
  if (value instanceof Raw) return value.text;
  if (value === null || value === undefined) return 'null';
  const nullable = getNullableType(type);
  if (isListType(nullable)) return `[${(value as unknown[]).map((item) => literal(item, nullable.ofType, leaf)).join(', ')}]`;
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]!.type, leaf)}`).join(', ')} }`;
  }
  return leaf ? leaf(value, type) : print(astFromValue(value, nullable)!);
}

/** What the audit row must hold for a sent value: marked inputs replaced, the rest as sent. */
function expectedStored(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return (value as unknown[]).map((item) => expectedStored(item, nullable.ofType));
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        sensitiveInput(`${nullable.name}.${k}`) ? REDACTED : expectedStored(v, fields[k]!.type),
      ]),
    );
  }
  return value;
}

/** The first marked field under a value: where the invalid sends put their canary. */
function firstMarkedPath(value: unknown, type: GraphQLInputType, path: (string | number)[] = []): { path: (string | number)[]; type: GraphQLInputType } | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return Array.isArray(value) && value.length ? firstMarkedPath(value[0], nullable.ofType, [...path, 0]) : null;
  if (!isInputObjectType(nullable) || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const field = nullable.getFields()[k]!;
    if (sensitiveInput(`${nullable.name}.${k}`)) return { path: [...path, k], type: field.type };
    const inner = firstMarkedPath(v, field.type, [...path, k]);
    if (inner) return inner;
  }
  return null;
}

function replacedAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replacedAt(item, rest, replacement) : item));
  return { ...(value as Record<string, unknown>), [head!]: replacedAt((value as Record<string, unknown>)[head!], rest, replacement) };
}

function selectionOf(mutation: Mutation): string {
  const payload = getNamedType(mutation.type);
  return isObjectType(payload) && 'userErrors' in payload.getFields() ? '{ __typename userErrors { field code message } }' : '{ __typename }';
}

interface Send {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  responseKey: string;
  /** The stored arguments of the root field, or NOT_RESOLVED for an invalid send. */
  expected: unknown;
  /** Input validation may refuse these values before they resolve. */
  refusable?: boolean;
}

/** The six ways one mutation is sent; fresh canaries for each. */
function sendsOf(mutation: Mutation): Send[] {
  const arg = mutation.args[0] as GraphQLArgument;
  const selection = selectionOf(mutation);
  const stored = (value: unknown) => redact({ [arg.name]: expectedStored(value, arg.type) }, 1);

  // (a) Every leaf through its own variable, named $x1, $x2, … whatever it holds.
  const perLeaf = build(arg.type, `${mutation.name}.${arg.name}`);
  const definitions: string[] = [];
  const perLeafVariables: Record<string, unknown> = {};
  const withVariables = literal(perLeaf, arg.type, (value, type) => {
    const name = `x${definitions.length + 1}`;
    definitions.push(`$${name}: ${String(type)}`);
    perLeafVariables[name] = value;
    return `$${name}`;
  });

  // (a') The whole input as one variable.
  const whole = build(arg.type, `${mutation.name}.${arg.name}`);

  // (b) Inline literals, in a fragment, under an alias.
  const inline = build(arg.type, `${mutation.name}.${arg.name}`);

  // (d) Values the database refuses (NUL), through a variable.
  withNul = true;
  const refused = build(arg.type, `${mutation.name}.${arg.name}`);
  withNul = false;

  // (c) An invalid value at a marked field, through a variable and inline.
  const invalidBase = build(arg.type, `${mutation.name}.${arg.name}`);
  const marked = firstMarkedPath(invalidBase, arg.type)!;
  const invalidCanary = `canary-invalid-${hex(8)}`;
  remember(invalidCanary);
  const isString = getNamedType(marked.type).name !== 'Int';
  const invalidValue = isString ? { leak: invalidCanary } : invalidCanary;
  const inlineCanary = `canary-inline-invalid-${hex(8)}`;
  remember(inlineCanary);
  const invalidLiteral = new Raw(isString ? `{ leak: "${inlineCanary}" }` : `"${inlineCanary}"`);

  return [
    {
      label: 'a variable per leaf',
      query: `mutation Canary(${definitions.join(', ')}) { ${mutation.name}(${arg.name}: ${withVariables}) ${selection} }`,
      variables: perLeafVariables,
      responseKey: mutation.name,
      expected: stored(perLeaf),
    },
    {
      label: 'one input variable',
      query: `mutation Canary($q: ${String(arg.type)}) { ${mutation.name}(${arg.name}: $q) ${selection} }`,
      variables: { q: whole },
      responseKey: mutation.name,
      expected: stored(whole),
    },
    {
      label: 'inline in a fragment, aliased',
      query: `mutation Canary { ...F } fragment F on Mutation { inlined: ${mutation.name}(${arg.name}: ${literal(inline, arg.type)}) ${selection} }`,
      variables: {},
      responseKey: 'inlined',
      expected: stored(inline),
    },
    {
      label: 'values the database refuses',
      query: `mutation Canary($q: ${String(arg.type)}) { ${mutation.name}(${arg.name}: $q) ${selection} }`,
      variables: { q: refused },
      responseKey: mutation.name,
      expected: stored(refused),
      refusable: true,
    },
    {
      label: 'an invalid variable',
      query: `mutation Canary($q: ${String(arg.type)}) { ${mutation.name}(${arg.name}: $q) ${selection} }`,
      variables: { q: replacedAt(invalidBase, marked.path, invalidValue) },
      responseKey: mutation.name,
      expected: NOT_RESOLVED,
    },
    {
      label: 'an invalid inline value',
      query: `mutation Canary { ${mutation.name}(${arg.name}: ${literal(replacedAt(invalidBase, marked.path, invalidLiteral), arg.type)}) ${selection} }`,
      variables: {},
      responseKey: mutation.name,
      expected: NOT_RESOLVED,
    },
  ];
}

/** Every line the process logs while the canaries fly: pino, console and both standard streams. */
function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const sink = logSink.write;
  const level = log.level;
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = consoleMethods.map((m) => console[m]);
  logSink.write = (line) => void lines.push(line);
  log.level = 'trace';
  process.stdout.write = ((chunk: unknown, ...rest: never[]) => (lines.push(String(chunk)), out(chunk as string, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: never[]) => (lines.push(String(chunk)), err(chunk as string, ...rest))) as typeof process.stderr.write;
  consoleMethods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      originals[i]!(...args);
    };
  });
  return {
    lines,
    stop() {
      logSink.write = sink;
      log.level = level;
      process.stdout.write = out;
      process.stderr.write = err;
      consoleMethods.forEach((m, i) => (console[m] = originals[i]!));
    },
  };
}

describe.each(['in-process', 'distributed'] as const)('no secret or personal data in audit rows, logs or errors (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let capture: ReturnType<typeof captureLogs>;
  const responses: string[] = [];
  const callers: { name: string; headers: Record<string, string> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    const token = await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password');
    const owner = { authorization: `Bearer ${token}` };
    const { body: stepUp } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password: 'demo-owner-password' } },
      owner,
    );
    const customer = { authorization: `Bearer ${await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)}` };
    callers.push(
      { name: 'owner with step-up', headers: { ...owner, 'x-step-up': stepUp.data.stepUpConfirm.stepUpToken } },
      { name: 'customer', headers: customer },
      { name: 'anonymous', headers: {} },
    );

    const { body } = await gateway.query(`{ staff(first: 1, filter: { query: "analyst@" }) { edges { node { id } } } }`, {}, owner);
    // An order waiting for payment, placed from a guest cart: its cart id lets any caller pay it by card.
    const variantId = (await sellableVariants(database.db, 1, 0))[0]!.id;
    await setAvailable(database.db, variantId, 100);
    const { body: guestCart } = await gateway.query(
      `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } } }`,
      { input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity: 1 }] } },
    );
    const payCartId = guestCart.data.cartCreate.cart.id as string;
    const { body: checkout } = await gateway.query(
      `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { confirmation { orderId } userErrors { code } } }`,
      { input: { cartId: payCartId, idempotencyKey: randomUUID() } },
    );
    const { body: supplier } = await gateway.query(
      `mutation { supplierCreate(input: { name: "Fixture supplier", leadTimeDays: 3, currencyCode: THB }) { supplier { id } userErrors { code } } }`,
      {},
      owner,
    );
    const { body: cart } = await gateway.query(`mutation { cartCreate(input: { channel: ONLINE_STORE }) { cart { id } } }`);
    Object.assign(fixtures, {
      'OrderLineInput.variantId': variantId,
      'OrderCreateInput.channel': 'POINT_OF_SALE',
      'SupplierUpdateInput.id': supplier.data.supplierCreate.supplier.id,
      'StaffUpdateInput.id': body.data.staff.edges[0].node.id,
      'PaymentSandboxAuthorizeInput.orderId': checkout.data.checkoutComplete.confirmation.orderId,
      'PaymentSandboxAuthorizeInput.cartId': payCartId,
      // Authorised only: a capture would settle the order after the first send.
      'PaymentSandboxAuthorizeInput.capture': false,
      'CartSetAddressInput.cartId': cart.data.cartCreate.cart.id,
      'StaffCreateInput.roles': ['analyst'],
    });
    capture = captureLogs();
  });
  afterAll(async () => {
    capture?.stop();
    await gateway?.stop();
    await database?.close();
  });

  it('the walk covers the sign-ins, step-up, sign-up, staff, supplier, address and card mutations', () => {
    expect(MUTATIONS.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'staffLogin', 'staffCreate', 'staffUpdate', 'stepUpConfirm', 'customerLogin', 'customerSignUp',
        'supplierCreate', 'supplierUpdate', 'cartSetAddress', 'orderCreate', 'orderImport', 'paymentSandboxAuthorize',
      ]),
    );
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s: each send is audited once, with its non-sensitive arguments and nothing marked', async (_, mutation) => {
    let passed = 0;
    for (const caller of callers) {
      for (const send of sendsOf(mutation)) {
        const requestId = `canary-${randomUUID()}`;
        const { body } = await gateway.query(send.query, send.variables, { ...caller.headers, 'x-request-id': requestId });
        responses.push(JSON.stringify(body));
        const rows = await database.db.execute<{ variables: Record<string, unknown>; outcome: string; root_fields: string[] }>(
          sql`select variables, outcome, root_fields from access.audit_log where request_id = ${requestId}`,
        );
        const where = `${caller.name}, ${send.label}: ${JSON.stringify(body).slice(0, 300)}`;
        expect(rows.length, where).toBe(1);
        expect(rows[0]!.root_fields, where).toEqual([mutation.name]);
        const stored = rows[0]!.variables[send.responseKey];
        // Values refused at the edge may never resolve; then the row keeps the note, never the values.
        if (send.refusable && stored === NOT_RESOLVED) expect(body.errors?.length, where).toBeGreaterThan(0);
        else expect(rows[0]!.variables, where).toEqual({ [send.responseKey]: send.expected });
        if (send.expected !== NOT_RESOLVED && rows[0]!.outcome !== 'FORBIDDEN') passed += 1;
        if (send.expected === NOT_RESOLVED) expect(body.errors?.length, where).toBeGreaterThan(0);
      }
    }
    // At least one caller got past the policy, so resolvers and services ran on the canaries.
    expect(passed).toBeGreaterThan(0);
  });

  it('a syntax error does not quote the value it stopped at', async () => {
    const canary = `canary-syntax-${hex(8)}`;
    remember(canary);
    const { body } = await gateway.query(`mutation { staffLogin(input: { email: "a@b.test", password: "x" "${canary}" }) { __typename } }`);
    responses.push(JSON.stringify(body));
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/^Syntax Error: Expected Name, found String "\[REDACTED\]"/);
  });

  it('no canary occurs in any audit row, log line or response body', async () => {
    const [dump] = await database.db.execute<{ text: string }>(
      sql`select coalesce(string_agg(t::text, ' '), '') as text from access.audit_log t`,
    );
    const places = { 'audit rows': dump!.text.toLowerCase(), logs: capture.lines.join('\n').toLowerCase(), responses: responses.join('\n').toLowerCase() };
    expect(canaries.length).toBeGreaterThan(MUTATIONS.length * 3 * 6);
    expect(capture.lines.length).toBeGreaterThan(0);
    const leaks = Object.entries(places).flatMap(([place, text]) =>
      canaries.filter((c) => text.includes(c)).map((c) => `${place}: ${text.slice(Math.max(0, text.indexOf(c) - 200), text.indexOf(c) + 80)}`),
    );
    expect(leaks).toEqual([]);
  });
});
