import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ANONYMOUS, type Principal } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { insertCoupons, makeCoupon } from '../../coupons/test/factories.js';
import { orders } from '../src/index.js';
import { seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let plan: DemoPlan;

const run = async (principal: Principal, source: string, variables?: Record<string, unknown>) => {
  const result = await subgraphExecutor(orders, database.db, principal)(source, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  // `any`: the answers were checked against the schema by graphql(); the assertions check the values.
  return result.data as any;
};
const ERRORS = 'userErrors { field code message }';
const APPLY = `mutation ($input: CartApplyCouponInput!) { cartApplyCoupon(input: $input) { cart { id couponCodes } ${ERRORS} } }`;
const REMOVE = `mutation ($input: CartRemoveCouponInput!) { cartRemoveCoupon(input: $input) { cart { id couponCodes } ${ERRORS} } }`;

async function readyCart(principal: Principal = ANONYMOUS): Promise<string> {
  const variantId = plan.products[0]!.variants[0]!.id;
  const { cartCreate } = await run(principal, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } ${ERRORS} } }`, {
    input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity: 1 }] },
  });
  await run(principal, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { ${ERRORS} } }`, {
    input: { cartId: cartCreate.cart.id, address: uniqueAddress() },
  });
  return cartCreate.cart.id as string;
}

beforeAll(async () => {
  database = await createTestDatabase({ max: 40 });
  plan = await seedCatalog(database.db, 2);
  await setAvailable(database.db, plan.products[0]!.variants[0]!.id, 10_000);
});
afterAll(() => database.close());

describe('cartApplyCoupon / cartRemoveCoupon', () => {
  it('applies an accepted code upper case (once), removes it, and leaves the cart unchanged on a refused code', async () => {
    await insertCoupons(database.db, [
      makeCoupon({ code: 'CARTTEN' }),
      makeCoupon({ code: 'CARTOLD', startsAt: new Date(Date.now() - 2 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000) }),
    ]);
    const cartId = await readyCart();
    expect((await run(ANONYMOUS, APPLY, { input: { cartId, code: 'cartten' } })).cartApplyCoupon).toEqual({ cart: { id: cartId, couponCodes: ['CARTTEN'] }, userErrors: [] });
    expect((await run(ANONYMOUS, APPLY, { input: { cartId, code: 'CARTTEN' } })).cartApplyCoupon.cart.couponCodes).toEqual(['CARTTEN']);
    for (const [code, expected] of [['NOSUCHCODE', 'COUPON_NOT_FOUND'], ['CARTOLD', 'COUPON_ENDED']]) {
      const refused = (await run(ANONYMOUS, APPLY, { input: { cartId, code } })).cartApplyCoupon;
      expect(refused.cart).toBeNull();
      expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'code'], code: expected })]);
    }
    const [{ codes }] = await database.db.execute<{ codes: string[] }>(sql`select coupon_codes as codes from orders.cart where id = ${cartId}`);
    expect(codes).toEqual(['CARTTEN']);
    expect((await run(ANONYMOUS, REMOVE, { input: { cartId, code: 'cartten' } })).cartRemoveCoupon.cart.couponCodes).toEqual([]);
  });

  it('refuses a per-member coupon to a guest cart (COUPON_SIGN_IN_REQUIRED) and a stranger\'s cart (NOT_FOUND)', async () => {
    await insertCoupons(database.db, [makeCoupon({ code: 'MEMBERSONLY', perMemberLimit: 1 })]);
    const guestCart = await readyCart();
    expect((await run(ANONYMOUS, APPLY, { input: { cartId: guestCart, code: 'MEMBERSONLY' } })).cartApplyCoupon.userErrors[0].code).toBe('COUPON_SIGN_IN_REQUIRED');
    const memberCart = await readyCart({ kind: 'customer', memberId: randomUUID(), sessionId: 's' });
    const stranger: Principal = { kind: 'customer', memberId: randomUUID(), sessionId: 's' };
    expect((await run(stranger, APPLY, { input: { cartId: memberCart, code: 'MEMBERSONLY' } })).cartApplyCoupon.userErrors[0].code).toBe('NOT_FOUND');
  });
});
