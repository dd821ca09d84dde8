import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { DEMO_PARTNER_KEY, staffLogin } from '../kit/callers.js';

// The attack cases, end to end through the gateway with real sessions.
describe.each(['in-process', 'distributed'] as const)('attacks (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let catalogManager: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    catalogManager = { authorization: `Bearer ${await staffLogin(gateway, 'catalog_manager@shop.test', 'demo-catalog_manager-password')}` };
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('an aliased costPrice inside a named fragment and an inline fragment is still denied at its exact path', async () => {
    const { body } = await gateway.query(
      `query { products(first: 1) { edges { node { ...P } } } }
       fragment P on Product { title variants { ... on ProductVariant { sku secretCost: costPrice { amount } } } }`,
      {},
      catalogManager,
    );
    const variant = body.data.products.edges[0].node.variants[0];
    expect(variant.sku).toBeTruthy();
    expect(variant.secretCost).toBeNull();
    const error = body.errors.find((e: any) => e.path?.at(-1) === 'secretCost');
    expect(error).toMatchObject({ extensions: { code: 'FORBIDDEN' }, path: ['products', 'edges', 0, 'node', 'variants', 0, 'secretCost'] });
  });

  it('an operation that is entirely denied reaches no subgraph', async () => {
    const before = statementCounter.count;
    const { body } = await gateway.query(`{ a: orders(first: 50) { totalCount } b: auditLog(first: 5) { totalCount } }`, {}, catalogManager);
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // The only statement is the session lookup.
    expect(statementCounter.count - before).toBeLessThanOrEqual(1);
  });

  it('a logged-out session is refused on the very next request', async () => {
    const token = await staffLogin(gateway, 'analyst@shop.test', 'demo-analyst-password');
    const headers = { authorization: `Bearer ${token}` };
    expect((await gateway.query(`{ me { id } }`, {}, headers)).status).toBe(200);
    await gateway.query(`mutation { staffLogout(input: {}) { endedSessions } }`, {}, headers);
    const { status, body } = await gateway.query(`{ me { id } }`, {}, headers);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a made-up bearer token is UNAUTHENTICATED, not anonymous', async () => {
    const { status, body } = await gateway.query(`{ products(first: 1) { totalCount } }`, {}, { authorization: 'Bearer spk_not_a_real_key' });
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('login brute force is throttled: after 5 failures even the right password is refused', async () => {
    const attempt = (password: string) =>
      gateway.query(`mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token userErrors { code } } }`, {
        input: { email: 'marketing@shop.test', password },
      });
    for (let i = 0; i < 5; i += 1) {
      const { body } = await attempt(`wrong-${i}`);
      expect(body.data.staffLogin.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const { body } = await attempt('demo-marketing-password');
    expect(body.data.staffLogin).toMatchObject({ token: null, userErrors: [{ code: 'LOGIN_THROTTLED' }] });
  });

  it('the partner key reads the catalog but not members or the audit log', async () => {
    const headers = { authorization: `Bearer ${DEMO_PARTNER_KEY}` };
    const { body } = await gateway.query(`{ products(first: 1) { totalCount } members(first: 1) { totalCount } }`, {}, headers);
    expect(body.data.products.totalCount).toBeGreaterThan(0);
    expect(body.data.members).toBeNull();
    expect(body.errors[0]).toMatchObject({ path: ['members'], extensions: { code: 'FORBIDDEN' } });
  });
});
