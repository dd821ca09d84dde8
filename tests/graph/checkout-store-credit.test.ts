import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

// Store credit at checkout: capped at the balance and the amount due, taken in the checkout's transaction,
// shown in the cart's pricing and priceExplain, given back when the order is cancelled.
const ERRORS = 'userErrors { field code message }';
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    order { id status total { amount } discount { amount } }
    confirmation { orderId total { amount } }
    ${ERRORS}
  }
}`;
const MY_CREDIT = '{ myStoreCredit { amount currencyCode } }';

let database: TestDatabase;
let variantId: string;
let unitPriceMinor: bigint;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [variant] = await sellableVariants(database.db, 1);
  variantId = variant!.id;
  unitPriceMinor = BigInt(variant!.price_minor);
  await setAvailable(database.db, variantId, 10_000);
}, 300_000);

afterAll(async () => {
  await database?.close();
});

const major = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const minor = (amount: string) => BigInt(amount.replace('.', ''));

describe.each(['in-process', 'distributed'] as const)('checkout with store credit (%s)', (mode) => {
  let gateway: TestGateway;
  let service: Record<string, string>;
  let operator: Record<string, string>;
  let marketing: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    operator = { authorization: `Bearer ${await staffLogin(gateway, 'order_operator@shop.test', 'demo-order_operator-password')}` };
    marketing = { authorization: `Bearer ${await staffLogin(gateway, 'marketing@shop.test', 'demo-marketing-password')}` };
    const serviceHeaders = { authorization: `Bearer ${await staffLogin(gateway, 'customer_service@shop.test', 'demo-customer_service-password')}` };
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password: 'demo-customer_service-password' } },
      serviceHeaders,
    );
    service = { ...serviceHeaders, 'x-step-up': body.data.stepUpConfirm.stepUpToken };
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  /** A new storefront customer holding `creditMinor` of THB store credit (a staff adjustment through the API). */
  async function customerWith(creditMinor: bigint): Promise<{ memberId: string; headers: Record<string, string> }> {
    const email = `credit-${randomUUID()}@example.test`;
    const { body } = await gateway.query(
      `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token ${ERRORS} } }`,
      { input: { email, password: 'a long enough password', displayName: 'Credit buyer' } },
    );
    const headers = { authorization: `Bearer ${body.data.customerSignUp.token}` };
    const [row] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${email}`);
    const adjusted = await gateway.query(
      `mutation ($input: MemberStoreCreditAdjustInput!) { memberStoreCreditAdjust(input: $input) { ${ERRORS} } }`,
      { input: { memberId: row!.id, amount: major(creditMinor), currencyCode: 'THB', reason: 'test balance' } },
      service,
    );
    expect(adjusted.body.data.memberStoreCreditAdjust.userErrors).toEqual([]);
    return { memberId: row!.id, headers };
  }

  async function readyCart(headers: Record<string, string>, quantity = 1): Promise<string> {
    const created = await gateway.query(
      `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } ${ERRORS} } }`,
      { input: { channel: 'MOBILE_APP', lines: [{ variantId, quantity }] } },
      headers,
    );
    const cartId = created.body.data.cartCreate.cart.id as string;
    await gateway.query(`mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { ${ERRORS} } }`, { input: { cartId, address: uniqueAddress() } }, headers);
    return cartId;
  }

  async function checkout(headers: Record<string, string>, cartId: string, useStoreCredit: boolean) {
    const query = headers.authorization ? CHECKOUT : CHECKOUT.replace(/ {4}order \{.*\n/, '');
    const { body } = await gateway.query(query, { input: { cartId, idempotencyKey: randomUUID(), useStoreCredit } }, headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.checkoutComplete;
  }

  const creditOf = async (headers: Record<string, string>) => minor((await gateway.query(MY_CREDIT, {}, headers)).body.data.myStoreCredit.amount);

  it('pays part of an order with the whole balance: shown in the cart first, charged the same, given back once on cancel', async () => {
    const buyer = await customerWith(10_000n);
    const cartId = await readyCart(buyer.headers, 2);
    const shown = await gateway.query(
      `query ($id: ID!) { cart(id: $id) { without: pricing { paid { amount } total { amount } } with: pricing(useStoreCredit: true) { paid { amount } total { amount } applied { ruleId source } } } }`,
      { id: cartId },
      buyer.headers,
    );
    const { without, with: withCredit } = shown.body.data.cart;
    expect(without.paid.amount).toBe('0.00');
    expect(withCredit.paid.amount).toBe('100.00');
    expect(withCredit.applied).toContainEqual({ ruleId: 'store-credit', source: 'STORE_CREDIT' });
    expect(minor(withCredit.total.amount)).toBe(minor(without.total.amount) - 10_000n);

    const placed = await checkout(buyer.headers, cartId, true);
    expect(placed.userErrors).toEqual([]);
    expect(placed.order.total.amount).toBe(withCredit.total.amount);
    expect(placed.order.discount.amount).toBe('100.00');
    expect(await creditOf(buyer.headers)).toBe(0n);
    // Staff read the explanation kept on the order: store credit paid 100.00.
    const kept = await gateway.query(`query ($id: ID!) { order(id: $id) { pricing { applied { ruleId amount { amount } } } } }`, { id: placed.order.id }, operator);
    expect(kept.body.data.order.pricing.applied).toContainEqual({ ruleId: 'store-credit', amount: { amount: '100.00' } });

    const cancel = `mutation ($input: OrderCancelInput!) { orderCancel(input: $input) { order { status } ${ERRORS} } }`;
    expect((await gateway.query(cancel, { input: { id: placed.order.id } }, operator)).body.data.orderCancel.order.status).toBe('CANCELLED');
    expect(await creditOf(buyer.headers)).toBe(10_000n);
    const entries = await database.db.execute<{ reason: string }>(
      sql`select reason from members.store_credit_entry where source_kind = 'ORDER' and source_id = ${placed.order.id} order by reason`,
    );
    expect(entries.map((e) => e.reason)).toEqual(['REDEMPTION', 'REDEMPTION_REVERSAL']);
  });

  it('is capped at the amount due: a balance larger than the order pays it all and keeps the rest', async () => {
    const buyer = await customerWith(unitPriceMinor * 10n);
    const placed = await checkout(buyer.headers, await readyCart(buyer.headers), true);
    expect(placed.userErrors).toEqual([]);
    expect(placed.order.total.amount).toBe('0.00');
    const paid = minor(placed.order.discount.amount);
    expect(paid).toBeGreaterThanOrEqual(unitPriceMinor);
    expect(await creditOf(buyer.headers)).toBe(unitPriceMinor * 10n - paid);
  });

  it('without useStoreCredit the balance is untouched; a guest is refused (INVALID) and nothing is placed', async () => {
    const buyer = await customerWith(5_000n);
    const placed = await checkout(buyer.headers, await readyCart(buyer.headers), false);
    expect(placed.order.discount.amount).toBe('0.00');
    expect(await creditOf(buyer.headers)).toBe(5_000n);
    const guest = await checkout({}, await readyCart({}), true);
    expect(guest.userErrors).toEqual([{ field: ['input', 'useStoreCredit'], code: 'INVALID', message: 'Sign in to pay with store credit.' }]);
    expect(guest.confirmation).toBeNull();
  });

  it('a balance spent meanwhile refuses the checkout (INSUFFICIENT_CREDIT) with nothing written', async () => {
    const buyer = await customerWith(3_000n);
    const carts = await Promise.all([readyCart(buyer.headers), readyCart(buyer.headers)]);
    const results = await Promise.all(carts.map((cartId) => checkout(buyer.headers, cartId, true)));
    // Each checkout reads the balance in its own transaction: the second either waits and sees it spent (no credit
    // left to use), or finds it spent at the debit (INSUFFICIENT_CREDIT). Never both paid with the same credit.
    const paid = results.filter((r) => r.order).map((r) => minor(r.order.discount.amount));
    expect(paid.reduce((a, b) => a + b, 0n)).toBe(3_000n);
    for (const refused of results.filter((r) => !r.order)) expect(refused.userErrors.map((e: { code: string }) => e.code)).toEqual(['INSUFFICIENT_CREDIT']);
    expect(await creditOf(buyer.headers)).toBe(0n);
  });

  it('priceExplain tries an amount of store credit for staff (for a member: store credit is theirs only)', async () => {
    const { memberId } = await customerWith(100n);
    const { body } = await gateway.query(
      `query ($input: PriceExplainInput!) { priceExplain(input: $input) { paid { amount } applied { ruleId amount { amount } } } }`,
      { input: { currencyCode: 'THB', channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity: 1 }], storeCredit: '12.50' } },
      marketing,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.priceExplain.applied).toContainEqual({ ruleId: 'store-credit', amount: { amount: '12.50' } });
    const bad = await gateway.query(
      `query ($input: PriceExplainInput!) { priceExplain(input: $input) { paid { amount } } }`,
      { input: { currencyCode: 'THB', channel: 'MOBILE_APP', lines: [{ variantId, quantity: 1 }], storeCredit: '-1' } },
      marketing,
    );
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
