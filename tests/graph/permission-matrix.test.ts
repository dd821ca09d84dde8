import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import type { Scope } from '../../schema/scopes.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { signInAll, type Caller } from '../kit/callers.js';
import { actualOutcome, dataClassCases, expectedOutcome, matrixCallers, setUp } from './data-class-matrix.js';

/**
 * Every built-in role, a customer, an anonymous caller and the demo partner key
 * against the sensitive fields and mutations, through the real gateway. The
 * expectation comes from each case's documented requirement and the role
 * catalog; the outcome from the gateway. Mismatches must be 0.
 */
type Requirement = { anyOf: Scope[][] } | { kind: 'customer' };

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  requires: Requirement;
  /** The value the case reads; when denied, it or one of its parents is null with FORBIDDEN at that path. */
  path: string[];
}

const DAY = 86_400_000;
const CASES: Case[] = [
  { name: 'ProductVariant.costPrice', query: `{ products(first: 1) { edges { node { variants { costPrice { amount } } } } } }`, requires: { anyOf: [['catalog:read_cost']] }, path: ['products', 'edges', '0', 'node', 'variants', '0', 'costPrice'] },
  { name: 'Member.email', query: `{ members(first: 1) { edges { node { email } } } }`, requires: { anyOf: [['members:read', 'members:read_pii']] }, path: ['members', 'edges', '0', 'node', 'email'] },
  { name: 'Member.maskedEmail', query: `{ members(first: 1) { edges { node { maskedEmail } } } }`, requires: { anyOf: [['members:read']] }, path: ['members', 'edges', '0', 'node', 'maskedEmail'] },
  { name: 'Member.storeCredit', query: `{ members(first: 1) { edges { node { storeCredit { amount } } } } }`, requires: { anyOf: [['members:read']] }, path: ['members', 'edges', '0', 'node', 'storeCredit'] },
  { name: 'Member.pointsLedger', query: `{ members(first: 1) { edges { node { pointsLedger(first: 1) { totalCount } } } } }`, requires: { anyOf: [['members:read']] }, path: ['members', 'edges', '0', 'node', 'pointsLedger'] },
  { name: 'Member.storeCreditLedger', query: `{ members(first: 1) { edges { node { storeCreditLedger(first: 1) { totalCount } } } } }`, requires: { anyOf: [['members:read']] }, path: ['members', 'edges', '0', 'node', 'storeCreditLedger'] },
  { name: 'Query.tierRules', query: `{ tierRules { tier threshold } }`, requires: { anyOf: [['members:read']] }, path: ['tierRules'] },
  { name: 'Query.loyaltySettings', query: `{ loyaltySettings { earnPoints pointValue { amount } } }`, requires: { anyOf: [['members:read']] }, path: ['loyaltySettings'] },
  { name: 'Query.myPoints', query: `{ myPoints { balance } }`, requires: { kind: 'customer' }, path: ['myPoints'] },
  { name: 'Query.myStoreCredit', query: `{ myStoreCredit { amount } }`, requires: { kind: 'customer' }, path: ['myStoreCredit'] },
  { name: 'Member.givenName', query: `{ members(first: 1) { edges { node { givenName } } } }`, requires: { anyOf: [['members:read', 'members:read_pii']] }, path: ['members', 'edges', '0', 'node', 'givenName'] },
  { name: 'Member.addresses', query: `{ members(first: 1) { edges { node { addresses { id } } } } }`, requires: { anyOf: [['members:read', 'members:read_pii']] }, path: ['members', 'edges', '0', 'node', 'addresses'] },
  // Internal member notes and the contact log: staff holding members:read (no partner key or customer holds it).
  { name: 'Member.notes', query: `{ members(first: 1) { edges { node { id notes } } } }`, requires: { anyOf: [['members:read']] }, path: ['members', 'edges', '0', 'node', 'id'] },
  { name: 'Member.consents', query: `{ members(first: 1) { edges { node { consents { channel } } } } }`, requires: { anyOf: [['members:read']] }, path: ['members', 'edges', '0', 'node', 'consents'] },
  { name: 'Query.contactFollowUpsDue', query: `{ contactFollowUpsDue(first: 1) { totalCount } }`, requires: { anyOf: [['members:read']] }, path: ['contactFollowUpsDue'] },
  { name: 'Query.orders', query: `{ orders(first: 1) { totalCount } }`, requires: { anyOf: [['orders:read']] }, path: ['orders'] },
  { name: 'Query.myOrders', query: `{ myOrders(first: 1) { totalCount } }`, requires: { kind: 'customer' }, path: ['myOrders'] },
  { name: 'Query.warehouses', query: `{ warehouses { id } }`, requires: { anyOf: [['stock:read']] }, path: ['warehouses'] },
  { name: 'Query.stockLevels', query: `{ stockLevels(first: 1) { totalCount } }`, requires: { anyOf: [['stock:read']] }, path: ['stockLevels'] },
  { name: 'Query.purchaseOrders', query: `{ purchaseOrders(first: 1) { totalCount } }`, requires: { anyOf: [['stock:read']] }, path: ['purchaseOrders'] },
  { name: 'Query.coupons', query: `{ coupons(first: 1) { totalCount } }`, requires: { anyOf: [['marketing:read']] }, path: ['coupons'] },
  { name: 'Query.flashSales', query: `{ flashSales(first: 1) { totalCount } }`, requires: { anyOf: [['marketing:read']] }, path: ['flashSales'] },
  {
    name: 'Query.salesSummary',
    query: `query ($from: DateTime!, $to: DateTime!) { salesSummary(from: $from, to: $to) { orderCount } }`,
    variables: { from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date().toISOString() },
    requires: { anyOf: [['reports:read']] },
    path: ['salesSummary'],
  },
  { name: 'Query.staff', query: `{ staff(first: 1) { totalCount } }`, requires: { anyOf: [['access:admin'], ['audit:read']] }, path: ['staff'] },
  { name: 'Query.apiKeys', query: `{ apiKeys(first: 1) { totalCount } }`, requires: { anyOf: [['access:admin']] }, path: ['apiKeys'] },
  { name: 'Query.auditLog', query: `{ auditLog(first: 1) { totalCount } }`, requires: { anyOf: [['audit:read']] }, path: ['auditLog'] },
  { name: 'Query.reviews (moderation queue)', query: `{ reviews(first: 1) { totalCount } }`, requires: { anyOf: [['catalog:read']] }, path: ['reviews'] },
  { name: 'Query.orderCounts', query: `{ orderCounts { status count } }`, requires: { anyOf: [['orders:read']] }, path: ['orderCounts'] },
  { name: 'Query.paymentReconciliation', query: `{ paymentReconciliation(first: 1) { totalCount } }`, requires: { anyOf: [['orders:read']] }, path: ['paymentReconciliation'] },
  // Fraud signals: staff holding orders:read_internal (no partner key or customer holds it).
  { name: 'Query.orderFlagRules', query: `{ orderFlagRules { __typename } }`, requires: { anyOf: [['orders:read_internal']] }, path: ['orderFlagRules'] },
  { name: '__schema (introspection)', query: `{ __schema { queryType { name } } }`, requires: { anyOf: [['schema:read']] }, path: ['__schema'] },
];

function allowed(caller: Caller, requires: Requirement): boolean {
  if ('kind' in requires) return caller.principalKind === requires.kind;
  return requires.anyOf.some((all) => all.every((scope) => caller.scopes.includes(scope)));
}

const valueAt = (data: any, path: string[]) => path.reduce((v, k) => (v == null ? v : v[k]), data);

describe.each(['in-process', 'distributed'] as const)('permission matrix (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let callers: Caller[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    callers = await signInAll(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('every caller × sensitive field matches the policy', async () => {
    const mismatches: string[] = [];
    for (const caller of callers) {
      for (const c of CASES) {
        const { body } = await gateway.query(c.query, c.variables, caller.headers);
        const expected = allowed(caller, c.requires);
        const denied = (body.errors ?? []).some(
          (e: any) =>
            ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code) &&
            e.path?.length &&
            c.path.join('.').startsWith(e.path.join('.')),
        );
        const answered = valueAt(body.data, c.path) != null;
        const actual = answered && !denied;
        if (actual !== expected || (!expected && !denied)) {
          mismatches.push(`${caller.name} × ${c.name}: expected ${expected ? 'allowed' : 'FORBIDDEN'}, got ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
    }
    console.log(`[${mode}] permission matrix: ${callers.length} callers × ${CASES.length} fields = ${callers.length * CASES.length} cells, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });

  it('every caller × every path to each data class (contact data, member profile, internal notes, staff, fraud signals, cost) matches the class rules', async () => {
    const owner = callers.find((c) => c.name === 'owner')!;
    const fixture = await setUp(gateway, callers.find((c) => c.name === 'customer')!, owner);
    const cases = dataClassCases(fixture);
    const everyone = await matrixCallers(gateway, callers);
    const mismatches: string[] = [];
    const tally = { value: 0, denied: 0, absent: 0 };
    for (const c of cases) {
      for (const caller of everyone) {
        const { body } = await gateway.query(c.query, undefined, caller.headers);
        const expected = expectedOutcome(c, caller);
        const actual = actualOutcome(c, body);
        tally[actual] += 1;
        if (actual !== expected) mismatches.push(`${caller.name} × ${c.path}: expected ${expected}, got ${actual}: ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
    console.log(
      `[${mode}] data-class matrix: ${cases.length} paths × ${everyone.length} callers = ${cases.length * everyone.length} cells ` +
        `(${tally.value} read, ${tally.denied} denied, ${tally.absent} hidden by row rules), ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    // About 1,000 requests: minutes, not seconds, when both cores are busy.
  }, 300_000);

  it('mutations: FORBIDDEN without the scope; roleCreate, productsBulkArchive and loyalty adjustments STEP_UP_REQUIRED with it but unconfirmed', async () => {
    const mismatches: string[] = [];
    const mutation = `mutation ($input: RoleCreateInput!) { roleCreate(input: $input) { role { id } userErrors { code } } }`;
    for (const caller of callers) {
      const input = { name: `matrix_${caller.name.replace(/\W/g, '_')}_${mode.replace('-', '_')}`, title: 'Matrix', scopes: ['catalog:read'] };
      const { body } = await gateway.query(mutation, { input }, caller.headers);
      const code = body.errors?.[0]?.extensions?.code ?? 'ALLOWED';
      const expected = caller.scopes.includes('access:admin') ? 'STEP_UP_REQUIRED' : caller.principalKind === 'anonymous' ? 'UNAUTHENTICATED|FORBIDDEN' : 'FORBIDDEN';
      if (!expected.split('|').includes(code)) mismatches.push(`${caller.name}: expected ${expected}, got ${code}`);
    }
    const adjust = `mutation ($input: StockAdjustInput!) { stockAdjust(input: $input) { userErrors { code } } }`;
    for (const caller of callers) {
      // A zero quantity is refused by the service, so allowed callers change nothing either.
      const input = { variantId: '00000000-0000-4000-8000-000000000001', warehouseId: '00000000-0000-4000-8000-000000000002', quantity: 0, reason: 'CORRECTION' };
      const { body } = await gateway.query(adjust, { input }, caller.headers);
      const code = body.errors?.[0]?.extensions?.code ?? 'ALLOWED';
      const expected = caller.scopes.includes('stock:write') ? 'ALLOWED' : caller.principalKind === 'anonymous' ? 'UNAUTHENTICATED|FORBIDDEN' : 'FORBIDDEN';
      if (!expected.split('|').includes(code)) mismatches.push(`${caller.name} × stockAdjust: expected ${expected}, got ${code}`);
    }
    const bulkArchive = `mutation ($input: ProductsBulkArchiveInput!) { productsBulkArchive(input: $input) { userErrors { code } } }`;
    for (const caller of callers) {
      const { body } = await gateway.query(bulkArchive, { input: { ids: [] } }, caller.headers);
      const code = body.errors?.[0]?.extensions?.code ?? 'ALLOWED';
      const expected = caller.scopes.includes('catalog:write') ? 'STEP_UP_REQUIRED' : caller.principalKind === 'anonymous' ? 'UNAUTHENTICATED|FORBIDDEN' : 'FORBIDDEN';
      if (!expected.split('|').includes(code)) mismatches.push(`${caller.name} × productsBulkArchive: expected ${expected}, got ${code}`);
    }
    const loyaltyAdjustments = [
      [`mutation ($input: MemberPointsAdjustInput!) { memberPointsAdjust(input: $input) { userErrors { code } } }`, { delta: 1 }],
      [`mutation ($input: MemberStoreCreditAdjustInput!) { memberStoreCreditAdjust(input: $input) { userErrors { code } } }`, { amount: '1.00', currencyCode: 'THB' }],
    ] as const;
    for (const [adjustment, amount] of loyaltyAdjustments) {
      for (const caller of callers) {
        const input = { memberId: '00000000-0000-4000-8000-000000000003', reason: 'matrix', ...amount };
        const { body } = await gateway.query(adjustment, { input }, caller.headers);
        const code = body.errors?.[0]?.extensions?.code ?? 'ALLOWED';
        const expected = caller.scopes.includes('members:write') && caller.principalKind === 'staff' ? 'STEP_UP_REQUIRED' : caller.principalKind === 'anonymous' ? 'UNAUTHENTICATED|FORBIDDEN' : 'FORBIDDEN';
        if (!expected.split('|').includes(code)) mismatches.push(`${caller.name} × ${adjustment.slice(0, 60)}: expected ${expected}, got ${code}`);
      }
    }
    console.log(`[${mode}] sensitive mutations (roleCreate, stockAdjust, productsBulkArchive, memberPointsAdjust, memberStoreCreditAdjust): ${callers.length} callers, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });
});

