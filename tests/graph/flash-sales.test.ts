import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signIn } from '../../subgraphs/access/test/factories.js';
import { seedCatalog, sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { insertProduct } from '../../subgraphs/products/test/factories.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';

const CREATE = `mutation ($input: FlashSaleCreateInput!) { flashSaleCreate(input: $input) { flashSale { id status title } userErrors { field code message } } }`;
const ITEM_SET = `mutation ($input: FlashSaleItemSetInput!) { flashSaleItemSet(input: $input) { item { id quota remaining sold soldOut perMemberLimit flashPrice { amount currencyCode } } userErrors { field code message } } }`;
const LIST = `{ flashSales(first: 10) { totalCount edges { node { id title titles { locale text } items { id sold remaining variant { id sku } } } } } }`;
const LIVE = `query ($channel: OrderChannel) { flashSalesLive(channel: $channel) { id title startsAt endsAt status items { flashPrice { amount } quota remaining soldOut perMemberLimit variant { id } } } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(['in-process', 'distributed'] as const)('flash sales through the gateway (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let marketing: Record<string, string>;
  let analyst: Record<string, string>;
  let variantId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    gateway = await startTestGateway(mode, database.db);
    const [m, a] = [await createAccount(database.db, ['marketing']), await createAccount(database.db, ['analyst'])];
    marketing = bearer((await signIn(database.db, m.email)).token);
    analyst = bearer((await signIn(database.db, a.email)).token);
    variantId = (await insertProduct(database.db, {}, 1)).variants[0]!.id;
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('marketing staff create a session and an item; staff read quota progress, storefronts the live session without a session', async () => {
    const now = Date.now();
    const created = await gateway.query(
      CREATE,
      { input: { titles: [{ locale: 'en', text: 'Midnight deals' }, { locale: 'th', text: 'ดีลเที่ยงคืน' }], startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), channels: ['MOBILE_APP'] } },
      marketing,
    );
    expect(created.body.data.flashSaleCreate).toMatchObject({ flashSale: { status: 'ACTIVE', title: 'Midnight deals' }, userErrors: [] });
    const flashSaleId = created.body.data.flashSaleCreate.flashSale.id;
    const item = await gateway.query(ITEM_SET, { input: { flashSaleId, variantId, flashPrice: '59.00', quota: 40, perMemberLimit: 2 } }, marketing);
    expect(item.body.data.flashSaleItemSet).toMatchObject({
      item: { quota: 40, remaining: 40, sold: 0, soldOut: false, perMemberLimit: 2, flashPrice: { amount: '59.00', currencyCode: 'THB' } },
      userErrors: [],
    });

    const listed = await gateway.query(LIST, {}, analyst);
    expect(listed.body.data.flashSales).toMatchObject({ totalCount: 1, edges: [{ node: { id: flashSaleId, items: [{ sold: 0, remaining: 40, variant: { id: variantId } }] } }] });

    const live = await gateway.query(LIVE, { channel: 'MOBILE_APP' }, { 'accept-language': 'th-TH,th;q=0.9' });
    expect(live.body.errors).toBeUndefined();
    expect(live.body.data.flashSalesLive).toMatchObject([{ id: flashSaleId, title: 'ดีลเที่ยงคืน', items: [{ flashPrice: { amount: '59.00' }, quota: 40, remaining: 40, soldOut: false, variant: { id: variantId } }] }]);
    expect((await gateway.query(LIVE, { channel: 'ONLINE_STORE' })).body.data.flashSalesLive).toEqual([]);
  });

  it('a flash price not below the list price and an unknown variant are coded userErrors', async () => {
    const now = Date.now();
    const created = await gateway.query(
      CREATE,
      { input: { titles: [{ locale: 'en', text: 'Later' }], startsAt: new Date(now + 7_200_000).toISOString(), endsAt: new Date(now + 9_000_000).toISOString() } },
      marketing,
    );
    const flashSaleId = created.body.data.flashSaleCreate.flashSale.id;
    const tooHigh = await gateway.query(ITEM_SET, { input: { flashSaleId, variantId, flashPrice: '100.00', quota: 5 } }, marketing);
    expect(tooHigh.body.data.flashSaleItemSet.userErrors).toMatchObject([{ field: ['input', 'flashPrice'], code: 'INVALID_PRICE' }]);
    const unknown = await gateway.query(ITEM_SET, { input: { flashSaleId, variantId: '00000000-0000-4000-8000-000000000000', flashPrice: '1.00', quota: 5 } }, marketing);
    expect(unknown.body.data.flashSaleItemSet.userErrors).toMatchObject([{ field: ['input', 'variantId'], code: 'VARIANT_NOT_FOUND' }]);
  });

  it('reading the staff list needs marketing:read and writing marketing:write', async () => {
    const anonymous = await gateway.query(LIST);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const refused = await gateway.query(CREATE, { input: { titles: [{ locale: 'en', text: 'x' }], startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 60_000).toISOString() } }, analyst);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.data?.flashSaleCreate ?? null).toBeNull();
  });
});

const CART_CREATE = `mutation ($input: CartCreateInput!) {
  cartCreate(input: $input) { cart { id pricing { total { amount } applied { ruleId source amount { amount } } rejected { ruleId reason { code } } } } userErrors { code } }
}`;
const CHECKOUT = `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { confirmation { orderId total { amount } } userErrors { code message } } }`;
const CANCEL = `mutation ($input: OrderCancelInput!) { orderCancel(input: $input) { userErrors { code message } } }`;
const ITEMS = `query ($id: ID!) { flashSale(id: $id) { items { id sold remaining } } }`;

describe('a flash sale at checkout, through the gateway', () => {
  let database: TestDatabase;
  let gateway: TestGateway;

  beforeAll(async () => {
    database = await createTestDatabase();
    gateway = await startTestGateway('in-process', database.db);
    await seedCatalog(database.db, 1);
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('the cart shows the flash price, checkout charges it and takes the quota with the session’s payment timeout; the next cart reads SOLD_OUT; a cancel gives the unit back', async () => {
    const marketing = bearer((await signIn(database.db, (await createAccount(database.db, ['marketing'])).email)).token);
    const operator = bearer((await signIn(database.db, (await createAccount(database.db, ['order_operator'])).email)).token);
    const [variant] = await sellableVariants(database.db, 1);
    await setAvailable(database.db, variant!.id, 10);
    const now = Date.now();
    const created = await gateway.query(CREATE, { input: { titles: [{ locale: 'en', text: 'One to grab' }], startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), paymentTimeoutMinutes: 7 } }, marketing);
    const flashSaleId = created.body.data.flashSaleCreate.flashSale.id;
    const item = await gateway.query(ITEM_SET, { input: { flashSaleId, variantId: variant!.id, flashPrice: '10.00', quota: 1 } }, marketing);
    const itemId = item.body.data.flashSaleItemSet.item.id;

    const cart = async () => (await gateway.query(CART_CREATE, { input: { channel: 'MOBILE_APP', lines: [{ variantId: variant!.id, quantity: 1 }] } })).body.data.cartCreate.cart;
    const first = await cart();
    expect(first.pricing.applied).toMatchObject([{ ruleId: `flash:${itemId}`, source: 'FLASH_SALE' }]);
    const placed = await gateway.query(CHECKOUT, { input: { cartId: first.id, idempotencyKey: `flash-${now}` } });
    const confirmation = placed.body.data.checkoutComplete.confirmation;
    // The goods at the flash price; checkout adds the shipping method's fee, the cart had none yet.
    const [charged] = await database.db.execute<{ goods: string }>(sql`
      select (subtotal_minor - discount_minor)::text as goods from orders.order where id = ${confirmation.orderId}`);
    expect(charged!.goods).toBe('1000');
    const [expiry] = await database.db.execute<{ minutes: number }>(sql`
      select round(extract(epoch from run_at - now()) / 60)::int as minutes from graphile_worker._private_jobs where key = ${`order-expiry:${confirmation.orderId}`}`);
    expect(expiry!.minutes).toBe(7);
    expect((await gateway.query(ITEMS, { id: flashSaleId }, marketing)).body.data.flashSale.items).toEqual([{ id: itemId, sold: 1, remaining: 0 }]);

    const second = await cart();
    expect(second.pricing.applied).toEqual([]);
    expect(second.pricing.rejected).toMatchObject([{ ruleId: `flash:${itemId}`, reason: { code: 'SOLD_OUT' } }]);

    expect((await gateway.query(CANCEL, { input: { id: confirmation.orderId } }, operator)).body.data.orderCancel.userErrors).toEqual([]);
    expect((await gateway.query(ITEMS, { id: flashSaleId }, marketing)).body.data.flashSale.items).toEqual([{ id: itemId, sold: 0, remaining: 1 }]);
    const third = await cart();
    expect(third.pricing.applied).toMatchObject([{ ruleId: `flash:${itemId}` }]);
  });
});
