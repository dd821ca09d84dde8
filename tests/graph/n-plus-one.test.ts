import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementCounter } from '@shop/kit';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { ownerHeaders } from '../kit/callers.js';

const ORDERS_DEEP = `query OrdersDeep($first: Int!) {
  orders(first: $first) { edges { node { id number member { id displayName }
    lines { quantity variant { id sku stock { available levels { warehouse { code } available } } } } } } }
}`;

// Statements are counted in this process: in distributed mode the subgraph
// servers run here too (over real HTTP), so both modes count every statement.
describe.each(['in-process', 'distributed'] as const)('no N+1 (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let query: (source: string, variables?: Record<string, unknown>) => Promise<{ status: number; body: any }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { scale: 1 });
    gateway = await startTestGateway(mode, database.db);
    owner = await ownerHeaders(gateway);
    query = (source, variables = {}) => gateway.query(source, variables, owner);
  });

  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  async function statementsFor(first: number) {
    const before = statementCounter.count;
    const { body } = await query(ORDERS_DEEP, { first });
    expect(body.errors).toBeUndefined();
    expect(body.data.orders.edges).toHaveLength(first);
    return statementCounter.count - before;
  }

  it('orders(first: 50) with lines, variants, stock and members costs no more statements than orders(first: 5)', async () => {
    // Warm the pool first: a new connection sends statements of its own.
    await statementsFor(50);
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    console.log(`[${mode}] SQL statements per request: orders(first: 5) = ${five}, orders(first: 50) = ${fifty}`);
    expect(fifty).toBeLessThanOrEqual(five);
    expect(five).toBeGreaterThan(0);
  });
});
