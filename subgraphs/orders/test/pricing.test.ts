import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Principal } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { coupons } from '@shop/coupons';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
import { orders } from '../src/index.js';
import { seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let plan: DemoPlan;
const member = makeMember({ tier: 'GOLD' });
const shopper: Principal = { kind: 'customer', memberId: member.id, sessionId: 'test-session' };

const run = async (subgraph: typeof orders | typeof coupons, principal: Principal, source: string, variables?: Record<string, unknown>, acceptLanguage: string | null = null) => {
  const result = await subgraphExecutor(subgraph, database.db, principal, acceptLanguage)(source, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as any;
};

const EXPLANATION = `subtotal { amount } discount { amount } shipping { amount } total { amount }
  applied { ruleId source stage title amount { amount } } rejected { ruleId title reason { code message } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  plan = await seedCatalog(database.db, 3);
  for (const p of plan.products) for (const v of p.variants) await setAvailable(database.db, v.id, 50);
  await insertMembers(database.db, [member]);
  const created = await run(coupons, TEST_OPERATOR, `mutation ($input: PromotionCreateInput!) {
    promotionCreate(input: $input) { promotion { id } userErrors { code } } }`, {
    input: {
      titles: [{ locale: 'en', text: 'Spend more, save more' }, { locale: 'th', text: 'ยิ่งซื้อยิ่งลด' }],
      kind: 'TIERED_SPEND', activate: true, currencyCode: plan.currencyCode,
      spendTiers: [{ threshold: '1.00', amountOff: '0.50' }, { threshold: '1000000.00', amountOff: '1.00' }],
    },
  });
  expect(created.promotionCreate.userErrors).toEqual([]);
}, 120_000);
afterAll(() => database.close());

it("a checkout's total equals priceExplain's and the cart's for the same lines, member, channel and codes, with an active tiered promotion", async () => {
  const lines = [{ variantId: plan.products[0]!.variants[0]!.id, quantity: 2 }, { variantId: plan.products[1]!.variants[0]!.id, quantity: 1 }];
  const { cartCreate } = await run(orders, shopper, `mutation ($input: CartCreateInput!) {
    cartCreate(input: $input) { cart { id couponCodes cost { total { amount } } pricing { ${EXPLANATION} } } userErrors { code } } }`,
  { input: { channel: 'ONLINE_STORE', lines } }, 'th');
  const cart = cartCreate.cart;
  expect(cart.couponCodes).toEqual([]);
  expect(cart.pricing.applied).toEqual([
    expect.objectContaining({ source: 'PROMOTION', stage: 'ORDER', title: 'ยิ่งซื้อยิ่งลด', amount: { amount: '0.50' } }),
  ]);
  expect(cart.cost.total).toEqual(cart.pricing.total);

  const { priceExplain } = await run(orders, TEST_OPERATOR, `query ($input: PriceExplainInput!) { priceExplain(input: $input) { ${EXPLANATION} } }`, {
    input: { currencyCode: plan.currencyCode, channel: 'ONLINE_STORE', memberId: member.id, shippingMethod: 'STANDARD', lines, couponCodes: [] },
  });
  expect(priceExplain.applied.map((a: { ruleId: string }) => a.ruleId)).toEqual(cart.pricing.applied.map((a: { ruleId: string }) => a.ruleId));

  await run(orders, shopper, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { userErrors { code } } }`, {
    input: { cartId: cart.id, address: uniqueAddress() },
  });
  const { checkoutComplete } = await run(orders, shopper, `mutation ($input: CheckoutCompleteInput!) {
    checkoutComplete(input: $input) { order { id total { amount } discount { amount } } userErrors { code message } } }`,
  { input: { cartId: cart.id, idempotencyKey: randomUUID() } });
  expect(checkoutComplete.userErrors).toEqual([]);
  expect(checkoutComplete.order.total).toEqual(priceExplain.total);
  expect(checkoutComplete.order.discount).toEqual({ amount: '0.50' });

  const { order } = await run(orders, TEST_OPERATOR, `query ($id: ID!) { order(id: $id) { pricing { ${EXPLANATION} } } }`, { id: checkoutComplete.order.id });
  expect(order.pricing.total).toEqual(priceExplain.total);
  expect(order.pricing.applied.map((a: { title: string }) => a.title)).toEqual(['Spend more, save more']);
  expect(order.pricing.rejected).toEqual([]);
});
