import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isObjectType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '@shop/kit';
import { seedDemo } from '@shop/gateway/seed/index';
import { buildPolicyTable, type Rule } from '@shop/gateway/policy/table';
import { ALL_SCOPES } from '../../schema/scopes.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { sampleInput } from '../kit/sample-input.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

const api = buildSchema(readFileSync(`${SCHEMA_DIR}api.graphql`, 'utf8'));
const table = buildPolicyTable(readFileSync(`${SCHEMA_DIR}supergraph.graphql`, 'utf8'));
const mutations = Object.values(api.getMutationType()!.getFields());

/** Input fields that hand out authority: whoever fills them grants roles or scopes. */
const GRANTING_FIELD = /^(roles?|roleIds?|roleNames?|scopes?|permissions?|grants?)$/i;

/** Fields named like authority that grant none, each with what it is instead. */
const NOT_GRANTING: Record<string, string> = {
  'CouponCreateInput.scope': 'the products a coupon applies to',
  'CouponUpdateInput.scope': 'the products a coupon applies to',
  'PromotionCreateInput.scope': 'the products a promotion applies to',
  'PromotionUpdateInput.scope': 'the products a promotion applies to',
};

/** Paths to granting fields anywhere in an input type (nested inputs included). */
function grantingPaths(type: GraphQLInputObjectType, seen = new Set<string>()): string[] {
  if (seen.has(type.name)) return [];
  seen.add(type.name);
  return Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    const path = `${type.name}.${field.name}`;
    const own = GRANTING_FIELD.test(field.name) && !(path in NOT_GRANTING) ? [path] : [];
    return isInputObjectType(named) ? [...own, ...grantingPaths(named, seen)] : own;
  });
}

const needsStepUp = (rule: Rule | undefined) =>
  !!rule?.policies.some((alternatives) => alternatives.every((all) => all.includes('step_up')));

/** The marker every value-dependent step-up mutation carries in its SDL description. */
const THRESHOLD_MARKER = 'Step-up above a threshold';

const sample = (type: GraphQLInputType) => sampleInput(type, { prefix: 'step-up', dateTime: () => new Date(Date.now() + 86_400_000).toISOString() });

/**
 * A fingerprint of every row of every domain table: equal before and after
 * means nothing was written. The audit log grows by design; touch columns
 * (last seen, last used) move on any authenticated request.
 */
async function fingerprint(database: TestDatabase): Promise<string> {
  const tables = await database.db.execute<{ name: string }>(sql`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_name not like '\\_\\_%'
      and table_schema in ('access', 'products', 'stock', 'orders', 'members', 'coupons', 'reports')
      and (table_schema, table_name) not in (('access', 'audit_log'), ('access', 'login_attempt'))
    order by 1`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await database.db.execute<{ digest: string | null }>(
      sql.raw(`select md5(string_agg(r, ',' order by r)) as digest from (
        select (to_jsonb(t) - 'last_seen_at' - 'last_used_at')::text as r from ${name} t) rows`),
    );
    parts.push(`${name}:${row!.digest}`);
  }
  return parts.join('\n');
}

describe('step-up is declared in the SDL', () => {
  it('every mutation whose input can carry roles or scopes needs a step-up', () => {
    const granting = mutations
      .map((m) => ({ name: m.name, paths: m.args.flatMap((a) => {
        const named = getNamedType(a.type);
        return isInputObjectType(named) ? grantingPaths(named) : GRANTING_FIELD.test(a.name) ? [a.name] : [];
      }) }))
      .filter((m) => m.paths.length);
    console.log(`granting mutations: ${granting.map((m) => `${m.name} (${m.paths.join(', ')})`).join('; ')}`);
    expect(granting.map((m) => m.name)).toEqual(
      expect.arrayContaining(['staffCreate', 'staffUpdate', 'roleCreate', 'roleUpdate', 'apiKeyCreate']),
    );
    expect(granting.filter((m) => !needsStepUp(table.fields[`Mutation.${m.name}`])).map((m) => m.name)).toEqual([]);
  });

  it('value-dependent step-ups say so in their description, and none of them is also an always-step-up mutation', () => {
    const marked = mutations.filter((m) => m.description?.includes(THRESHOLD_MARKER)).map((m) => m.name).sort();
    expect(marked).toEqual(Object.keys(THRESHOLD_CASES).sort());
    expect(marked.filter((name) => needsStepUp(table.fields[`Mutation.${name}`]))).toEqual([]);
  });
});

/** Operations that cross a value threshold, each for a caller holding every scope but no step-up. */
const THRESHOLD_CASES: Record<string, (fixture: Fixture) => { query: string; variables: Record<string, unknown> }> = {
  stockAdjust: (f) => ({
    query: `mutation ($input: StockAdjustInput!) { stockAdjust(input: $input) { userErrors { code } } }`,
    variables: { input: { variantId: f.level.variantId, warehouseId: f.level.warehouseId, quantity: -51, reason: 'LOST' } },
  }),
  stocktakeApply: (f) => ({
    query: `mutation ($input: StocktakeApplyInput!) { stocktakeApply(input: $input) { userErrors { code } } }`,
    variables: { input: { warehouseId: f.level.warehouseId, csv: `sku,counted\n${f.level.sku},${f.level.reserved}\n` } },
  }),
  paymentRefund: (f) => ({
    query: `mutation ($input: PaymentRefundInput!) { paymentRefund(input: $input) { userErrors { code } } }`,
    variables: { input: { paymentId: f.paymentId, amount: '2.00', reason: 'step-up test' } },
  }),
  returnRequestRefund: (f) => ({
    query: `mutation ($input: ReturnRequestRefundInput!) { returnRequestRefund(input: $input) { userErrors { code } } }`,
    variables: { input: { id: f.returnRequestId, amount: '2.00' } },
  }),
};

interface Fixture {
  level: { variantId: string; warehouseId: string; sku: string; reserved: number };
  paymentId: string;
  /** An approved refund-only request on a shipped demo order holding captured money. */
  returnRequestId: string;
}

describe.each(['in-process', 'distributed'] as const)('step-up operations (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let ownerSteppedUp: Record<string, string>;
  let partner: Record<string, string>;
  let fixture: Fixture;
  const threshold = process.env.REFUND_STEP_UP_AMOUNT;

  const stepUp = async (headers: Record<string, string>, password: string) => {
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password } },
      headers,
    );
    return { ...headers, 'x-step-up': body.data.stepUpConfirm.stepUpToken as string };
  };

  beforeAll(async () => {
    // Any refund above 1 THB crosses the threshold, so any captured payment will do.
    process.env.REFUND_STEP_UP_AMOUNT = '1';
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = { authorization: `Bearer ${await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password')}` };
    ownerSteppedUp = await stepUp(owner, 'demo-owner-password');
    const { body } = await gateway.query(
      `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret userErrors { code } } }`,
      { input: { name: 'every scope', scopes: ALL_SCOPES } },
      ownerSteppedUp,
    );
    partner = { authorization: `Bearer ${body.data.apiKeyCreate.secret}` };
    const [level] = await database.db.execute<{ variant_id: string; warehouse_id: string; sku: string; reserved: number }>(sql`
      select l.variant_id, l.warehouse_id, v.sku, l.reserved from stock.level l join products.variant v on v.id = l.variant_id
      where l.on_hand - l.reserved > 60 order by l.on_hand desc limit 1`);
    const [payment] = await database.db.execute<{ id: string }>(sql`
      select payment_id as id from orders.payment_transaction group by payment_id
      having sum(amount_minor) filter (where kind = 'CAPTURE') - coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0) >= 200
      limit 1`);
    const [shipped] = await database.db.execute<{ id: string; line_id: string }>(sql`
      select o.id, (select l.id from orders.order_line l where l.order_id = o.id and l.unit_price_minor >= 200 limit 1) as line_id
      from orders.order o join orders.payment_transaction t on t.order_id = o.id
      where o.status in ('SHIPPED', 'DELIVERED', 'COMPLETED') and exists (select 1 from orders.order_line l where l.order_id = o.id and l.unit_price_minor >= 200)
      group by o.id
      having sum(t.amount_minor) filter (where t.kind = 'CAPTURE') - coalesce(sum(t.amount_minor) filter (where t.kind = 'REFUND'), 0) >= 200
      limit 1`);
    const opened = await gateway.query(
      `mutation ($input: ReturnRequestCreateInput!) { returnRequestCreate(input: $input) { returnRequest { id } userErrors { code message } } }`,
      { input: { orderId: shipped!.id, kind: 'REFUND_ONLY', reasonCode: 'NOT_AS_DESCRIBED', lines: [{ orderLineId: shipped!.line_id, quantity: 1 }] } },
      owner,
    );
    const returnRequestId = opened.body.data.returnRequestCreate.returnRequest.id as string;
    await gateway.query(`mutation ($input: ReturnRequestDecideInput!) { returnRequestApprove(input: $input) { userErrors { code } } }`, { input: { id: returnRequestId } }, owner);
    fixture = {
      level: { variantId: level!.variant_id, warehouseId: level!.warehouse_id, sku: level!.sku, reserved: level!.reserved },
      paymentId: payment!.id,
      returnRequestId,
    };
  });
  afterAll(async () => {
    if (threshold === undefined) delete process.env.REFUND_STEP_UP_AMOUNT;
    else process.env.REFUND_STEP_UP_AMOUNT = threshold;
    await gateway?.stop();
    await database?.close();
  });

  const stepUpMutations = mutations.filter((m) => needsStepUp(table.fields[`Mutation.${m.name}`]));

  it.each(stepUpMutations.map((m) => [m.name, m] as const))(
    '%s: refused to a partner key holding every scope and to staff without a fresh step-up, nothing written',
    async (_, field) => {
      const input = field.args.find((a) => a.name === 'input')!;
      const payload = getNamedType(getNullableType(field.type));
      const selection = isObjectType(payload) && 'userErrors' in payload.getFields() ? '{ userErrors { code } }' : '{ __typename }';
      const query = `mutation ($input: ${String(input.type)}) { ${field.name}(input: $input) ${selection} }`;
      const before = await fingerprint(database);
      const asPartner = await gateway.query(query, { input: sample(input.type) }, partner);
      expect(asPartner.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asOwner = await gateway.query(query, { input: sample(input.type) }, owner);
      expect(asOwner.body.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
      expect(await fingerprint(database)).toBe(before);
    },
  );

  it.each(Object.keys(THRESHOLD_CASES))(
    '%s above its threshold: FORBIDDEN to a partner key with every scope, STEP_UP_REQUIRED to staff, nothing written; allowed after a step-up',
    async (name) => {
      const { query, variables } = THRESHOLD_CASES[name]!(fixture);
      const before = await fingerprint(database);
      const asPartner = await gateway.query(query, variables, partner);
      expect(asPartner.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asOwner = await gateway.query(query, variables, owner);
      expect(asOwner.body.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
      expect(await fingerprint(database)).toBe(before);
      const confirmed = await gateway.query(query, variables, ownerSteppedUp);
      expect(confirmed.body.errors).toBeUndefined();
      expect(confirmed.body.data[name].userErrors).toEqual([]);
    },
  );
});
