import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ANONYMOUS, type Principal } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { insertCoupons, makeCoupon } from '../../coupons/test/factories.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
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
  database = await createTestDatabase({ max: 30 });
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

describe('Cart.availableCoupons', () => {
  it("offers the customer's own codes priced on the cart: applicable first with the discount, the others with the reason", async () => {
    const [signedUp] = await insertMembers(database.db, [makeMember()]);
    const member: Principal = { kind: 'customer', memberId: signedUp!.id, sessionId: 's' };
    const [tenOff, bigSpend] = await insertCoupons(database.db, [
      makeCoupon({ code: null, title: 'Ten off', value: 10n }),
      makeCoupon({ code: null, title: 'Big spend', kind: 'FIXED_AMOUNT', value: 5_000n, minimumSpendMinor: 100_000_000n }),
    ]);
    await database.db.execute(sql`insert into coupons.coupon_code (coupon_id, code, member_id, source) values
      (${tenOff!.id}, 'MYTENOFF', ${signedUp!.id}, 'CLAIMED'), (${bigSpend!.id}, 'MYBIGSPEND', ${signedUp!.id}, 'ISSUED')`);
    const cartId = await readyCart(member);
    const { cart } = await run(member, `query ($id: ID!) { cart(id: $id) { availableCoupons { code title applicable discount { amount } reason { code message } } } }`, { id: cartId });
    expect(cart.availableCoupons).toEqual([
      { code: 'MYTENOFF', title: 'Ten off', applicable: true, discount: { amount: '10.00' }, reason: null },
      expect.objectContaining({ code: 'MYBIGSPEND', title: 'Big spend', applicable: false, reason: expect.objectContaining({ code: 'MIN_SPEND_NOT_MET' }) }),
    ]);
    const guestCart = await readyCart();
    expect((await run(ANONYMOUS, `query ($id: ID!) { cart(id: $id) { availableCoupons { code } } }`, { id: guestCart })).cart.availableCoupons).toEqual([]);
  });
});

describe('coupons through the real checkout path (parallel transactions)', () => {
  const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { confirmation { orderId } ${ERRORS} } }`;
  const checkout = (principal: Principal, cartId: string) => run(principal, CHECKOUT, { input: { cartId, idempotencyKey: randomUUID() } }).then((d) => d.checkoutComplete);
  const withCode = async (cartIds: string[], code: string) =>
    database.db.execute(sql`update orders.cart set coupon_codes = array[${code}]::text[] where id = any(${sql.param(cartIds)}::uuid[])`);
  const redemptions = async (couponId: string) =>
    (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from coupons.coupon_redemption where coupon_id = ${couponId} and released_at is null`))[0]!.n;

  /** Orders of these carts that got a discount (the coupon is the only rule in play here). */
  const discounted = async (orderIds: string[]) =>
    (await database.db.execute<{ id: string }>(sql`select id from orders."order" where id = any(${sql.param(orderIds)}::uuid[]) and discount_minor > 0`)).map((r) => r.id);

  // Checkout prices in its own transaction: a checkout that read the code as still free and lost the race is
  // refused (PRICING_CHANGED, nothing written); one that read it as used is refused too (COUPON_NOT_APPLICABLE,
  // saying why). Either way exactly one order uses the code.
  it('a code that stopped applying refuses checkout (COUPON_NOT_APPLICABLE, why in the caller\'s language), nothing written; removed, the cart checks out', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: 'ENDSSOON' })]);
    const cartId = await readyCart();
    expect((await run(ANONYMOUS, APPLY, { input: { cartId, code: 'ENDSSOON' } })).cartApplyCoupon.userErrors).toEqual([]);
    await database.db.execute(sql`update coupons.coupon set ends_at = now() - interval '1 minute' where id = ${row!.id}`);
    const before = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order"`))[0]!.n;
    const refused = await checkout(ANONYMOUS, cartId);
    expect(refused.confirmation).toBeNull();
    expect(refused.userErrors).toEqual([{ field: ['cart', 'couponCodes', '0'], code: 'COUPON_NOT_APPLICABLE', message: expect.stringMatching(/^ENDSSOON: .*ended/i) }]);
    const thai = await subgraphExecutor(orders, database.db, ANONYMOUS, 'th-TH,th;q=0.9')(CHECKOUT, { input: { cartId, idempotencyKey: randomUUID() } });
    const thaiError = (thai.data as any).checkoutComplete.userErrors[0];
    expect(thaiError.code).toBe('COUPON_NOT_APPLICABLE');
    expect(thaiError.message).not.toBe(refused.userErrors[0].message);
    expect((await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order"`))[0]!.n).toBe(before);
    expect((await run(ANONYMOUS, REMOVE, { input: { cartId, code: 'ENDSSOON' } })).cartRemoveCoupon.cart.couponCodes).toEqual([]);
    const placed = await checkout(ANONYMOUS, cartId);
    expect(placed.userErrors).toEqual([]);
    expect(placed.confirmation.orderId).toBeTruthy();
  });

  it('200 concurrent checkouts with one single-use code: exactly 1 order uses it', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null })]);
    await database.db.execute(sql`insert into coupons.coupon_code (coupon_id, code, source) values (${row!.id}, 'CHECKOUTONCE', 'GENERATED')`);
    const cartIds = await Promise.all(Array.from({ length: 200 }, () => readyCart()));
    await withCode(cartIds, 'CHECKOUTONCE');
    const before = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order"`))[0]!.n;
    const outcomes = await Promise.all(cartIds.map((id) => checkout(ANONYMOUS, id)));
    const placed = outcomes.filter((o) => o.confirmation).map((o) => o.confirmation.orderId as string);
    expect(outcomes.filter((o) => !o.confirmation).every((o) => o.userErrors.length > 0)).toBe(true);
    expect((await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders."order"`))[0]!.n).toBe(before + placed.length);
    expect(await redemptions(row!.id)).toBe(1);
    const used = await discounted(placed);
    expect(used).toHaveLength(1);
    const [{ orderId }] = await database.db.execute<{ orderId: string }>(sql`select order_id as "orderId" from coupons.coupon_redemption where coupon_id = ${row!.id}`);
    expect(used).toEqual([orderId]);
  }, 240_000);

  it('a per-member limit of 1 holds across 50 parallel carts of one member; cancelling twice gives the coupon back once', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: 'ONEPERMEMBER', perMemberLimit: 1, totalQuantity: 100 })]);
    const [signedUp] = await insertMembers(database.db, [makeMember()]);
    const member: Principal = { kind: 'customer', memberId: signedUp!.id, sessionId: 's' };
    const cartIds = await Promise.all(Array.from({ length: 50 }, () => readyCart(member)));
    await withCode(cartIds, 'ONEPERMEMBER');
    const outcomes = await Promise.all(cartIds.map((id) => checkout(member, id)));
    const placed = outcomes.filter((o) => o.confirmation).map((o) => o.confirmation.orderId as string);
    expect(await redemptions(row!.id)).toBe(1);
    const used = await discounted(placed);
    expect(used).toHaveLength(1);
    const orderId = used[0]!;
    const cancel = `mutation ($input: OrderCancelInput!) { orderCancel(input: $input) { ${ERRORS} } }`;
    await run(TEST_OPERATOR, cancel, { input: { id: orderId } });
    await run(TEST_OPERATOR, cancel, { input: { id: orderId } });
    expect(await redemptions(row!.id)).toBe(0);
    const [{ redeemed }] = await database.db.execute<{ redeemed: number }>(sql`select redeemed_count as redeemed from coupons.coupon where id = ${row!.id}`);
    expect(redeemed).toBe(0);
    const [usage] = await database.db.execute<{ used: number }>(sql`select used from coupons.coupon_member_usage where coupon_id = ${row!.id}`);
    expect(usage!.used).toBe(0);
  }, 240_000);
});
