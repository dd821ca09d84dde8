import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
import { orders } from '../src/index.js';
import { expireUnpaid } from '../src/lifecycle/index.js';
import { seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let variantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const plan = await seedCatalog(database.db, 1);
  variantId = plan.products[0]!.variants[0]!.id;
  await setAvailable(database.db, variantId, 100);
}, 120_000);
afterAll(() => database.close());

const pointsOf = async (memberId: string) =>
  (await database.db.execute<{ balance: number }>(sql`select balance from members.points_balance where member_id = ${memberId}`))[0]?.balance ?? 0;

/** A customer's cart with one unit and an address, checked out redeeming `points`. */
async function checkoutWithPoints(customer: Principal, points: number) {
  const run = subgraphExecutor(orders, database.db, customer);
  const created = await run(`mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } } }`, {
    input: { channel: 'ONLINE_STORE', lines: [{ variantId, quantity: 1 }] },
  });
  const cartId = (created.data as any).cartCreate.cart.id;
  await run(`mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { userErrors { code } } }`, { input: { cartId, address: uniqueAddress() } });
  const placed = await run(
    `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id pointsRedeemed } userErrors { code } } }`,
    { input: { cartId, idempotencyKey: `points-${cartId}`, pointsToRedeem: points } },
  );
  return (placed.data as any).checkoutComplete as { order: { id: string; pointsRedeemed: number } | null; userErrors: { code: string }[] };
}

describe('points on orders', () => {
  it('an order the unpaid-expiry job cancels gives its redeemed points back, and a second run changes nothing', async () => {
    const [buyer] = await insertMembers(database.db, [makeMember({ points: 120 })]);
    const customer: Principal = { kind: 'customer', memberId: buyer!.id, sessionId: 'test-session' };
    const placed = await checkoutWithPoints(customer, 100);
    expect(placed).toMatchObject({ order: { pointsRedeemed: 100 }, userErrors: [] });
    expect(await pointsOf(buyer!.id)).toBe(20);
    await expireUnpaid({ orderId: placed.order!.id }, database.db);
    await expireUnpaid({ orderId: placed.order!.id }, database.db);
    const [row] = await database.db.execute<{ status: string }>(sql`select status from orders."order" where id = ${placed.order!.id}`);
    expect(row!.status).toBe('CANCELLED');
    expect(await pointsOf(buyer!.id)).toBe(120);
  });
});
