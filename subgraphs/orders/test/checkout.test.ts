import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ANONYMOUS, type Principal } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { orders } from '../src/index.js';
import { order, orderLine } from '../src/tables.js';
import { systemActor } from '../src/history/index.js';
import { transitionOrder } from '../src/lifecycle/index.js';
import { markOrderPaid } from '../src/payments/service.js';
import { createReview } from '../../products/test/factories.js';
import { editSavedAddress, insertMembers, insertSavedAddress, makeMember } from '../../members/test/factories.js';
import { availableOf, footprint, seedCatalog, setAvailable, uniqueAddress } from './checkout-fixtures.js';

let database: TestDatabase;
let plan: DemoPlan;
const customer = (memberId: string = randomUUID()): Principal => ({ kind: 'customer', memberId, sessionId: 'test-session' });

const run = async (principal: Principal, source: string, variables?: Record<string, unknown>) => {
  const result = await subgraphExecutor(orders, database.db, principal)(source, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  // `any` on purpose: some twenty operations here read deep payloads of different shapes; a type for each
  // would restate the schema, which graphql() has already checked the answer against, and the assertions check the values.
  return result.data as any;
};

const CART_FIELDS = `id channel orderNumber addressComplete shippingMethod
  lines { id quantity sku title sellable unitPrice { amount } lineTotal { amount } }
  cost { subtotal { amount } shipping { amount } tax { amount } total { amount currencyCode } }
  availableShippingMethods { code price { amount } }`;
const ERRORS = 'userErrors { field code message availableQuantity }';

const variant = (p: number, v = 0) => plan.products[p]!.variants[v]!;

async function cartCreate(principal: Principal, lines: { variantId: string; quantity: number }[], channel = 'MOBILE_APP') {
  const data = await run(
    principal,
    `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { ${CART_FIELDS} } ${ERRORS} } }`,
    { input: { channel, lines } },
  );
  return data.cartCreate;
}

async function checkout(principal: Principal, cartId: string, idempotencyKey = randomUUID()) {
  const data = await run(
    principal,
    `mutation ($input: CheckoutCompleteInput!) {
      checkoutComplete(input: $input) {
        order { id number status channel total { amount } lines { sku title productTitle variantTitle options { name value } quantity unitPrice { amount } } }
        confirmation { orderId number status total { amount } }
        ${ERRORS}
      }
    }`,
    { input: { cartId, idempotencyKey } },
  );
  return data.checkoutComplete;
}

/** A guest cart with a complete address, ready to check out. */
async function readyCart(lines: { variantId: string; quantity: number }[], principal: Principal = ANONYMOUS) {
  const { cart } = await cartCreate(principal, lines);
  await run(
    principal,
    `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { ${ERRORS} } }`,
    { input: { cartId: cart.id, address: uniqueAddress() } },
  );
  return cart.id as string;
}

beforeAll(async () => {
  database = await createTestDatabase();
  plan = await seedCatalog(database.db, 4);
  for (const p of plan.products) for (const v of p.variants) await setAvailable(database.db, v.id, 50);
}, 120_000);
afterAll(() => database.close());

describe('carts', () => {
  it('prices a cart live: lines, shipping by method, tax contained in the total', async () => {
    const { cart, userErrors } = await cartCreate(ANONYMOUS, [
      { variantId: variant(0).id, quantity: 2 },
      { variantId: variant(1, 1).id, quantity: 1 },
      { variantId: variant(0).id, quantity: 1 },
    ]);
    expect(userErrors).toEqual([]);
    // 3 × 100.00 + 1 × 111.00 = 411.00; STANDARD is 50.00 below 1,000.00.
    expect(cart.lines.map((l: any) => [l.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount])).toEqual([
      [variant(0).sku, 3, '100.00', '300.00'],
      [variant(1, 1).sku, 1, '111.00', '111.00'],
    ]);
    expect(cart.cost).toEqual({
      subtotal: { amount: '411.00' }, shipping: { amount: '0.00' }, tax: { amount: '26.89' },
      total: { amount: '411.00', currencyCode: 'THB' },
    });
    expect(cart.availableShippingMethods).toEqual([
      { code: 'STANDARD', price: { amount: '50.00' } },
      { code: 'EXPRESS', price: { amount: '120.00' } },
      { code: 'PICKUP', price: { amount: '0.00' } },
    ]);
    const set = await run(
      ANONYMOUS,
      `mutation ($input: CartSetShippingMethodInput!) { cartSetShippingMethod(input: $input) { cart { cost { shipping { amount } total { amount } } } } }`,
      { input: { cartId: cart.id, shippingMethod: 'STANDARD' } },
    );
    expect(set.cartSetShippingMethod.cart.cost).toEqual({ shipping: { amount: '50.00' }, total: { amount: '461.00' } });
  });

  it('updates and removes lines, and refuses bad quantities, unknown and unsellable variants', async () => {
    const { cart } = await cartCreate(ANONYMOUS, [{ variantId: variant(0).id, quantity: 1 }, { variantId: variant(0, 1).id, quantity: 1 }]);
    const [first, second] = cart.lines;
    const update = await run(
      ANONYMOUS,
      `mutation ($input: CartLinesUpdateInput!) { cartLinesUpdate(input: $input) { cart { lines { id quantity } } ${ERRORS} } }`,
      { input: { cartId: cart.id, lines: [{ id: first.id, quantity: 5 }, { id: second.id, quantity: 0 }] } },
    );
    expect(update.cartLinesUpdate.cart.lines).toEqual([{ id: first.id, quantity: 5 }]);
    const remove = await run(
      ANONYMOUS,
      `mutation ($input: CartLinesRemoveInput!) { cartLinesRemove(input: $input) { cart { lines { id } } ${ERRORS} } }`,
      { input: { cartId: cart.id, lineIds: [first.id] } },
    );
    expect(remove.cartLinesRemove.cart.lines).toEqual([]);

    const archived = plan.products.at(-1)!.variants[0]!.id;
    const add = (lines: unknown) =>
      run(ANONYMOUS, `mutation ($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { id } ${ERRORS} } }`, {
        input: { cartId: cart.id, lines },
      });
    expect((await add([{ variantId: variant(0).id, quantity: 0 }])).cartLinesAdd.userErrors[0]).toMatchObject({
      code: 'INVALID_QUANTITY', field: ['input', 'lines', '0', 'quantity'],
    });
    expect((await add([{ variantId: randomUUID(), quantity: 1 }])).cartLinesAdd.userErrors[0]).toMatchObject({
      code: 'NOT_FOUND', field: ['input', 'lines', '0', 'variantId'],
    });
    expect((await add([{ variantId: variant(0).id, quantity: 1 }, { variantId: archived, quantity: 1 }])).cartLinesAdd).toMatchObject({
      cart: null, userErrors: [{ code: 'NOT_SELLABLE', field: ['input', 'lines', '1', 'variantId'] }],
    });
  });

  it('validates an address field by field but keeps an incomplete one', async () => {
    const { cart } = await cartCreate(ANONYMOUS, []);
    const setAddress = (address: unknown) =>
      run(ANONYMOUS, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { cart { addressComplete } ${ERRORS} } }`, {
        input: { cartId: cart.id, address },
      });
    const bad = await setAddress({ phone: 'call me', country: 'Thailand', email: 'nope' });
    expect(bad.cartSetAddress.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual([
      'input.address.country', 'input.address.email', 'input.address.phone',
    ]);
    expect((await setAddress({ name: 'Somchai' })).cartSetAddress).toEqual({ cart: { addressComplete: false }, userErrors: [] });
    expect((await setAddress(uniqueAddress())).cartSetAddress).toEqual({ cart: { addressComplete: true }, userErrors: [] });
  });

  it('copies the signed-in owner’s saved address onto the cart by id; a stranger’s or unknown id and a guest get ADDRESS_NOT_FOUND, the cart unchanged', async () => {
    const [owner, stranger] = await insertMembers(database.db, [makeMember(), makeMember()]);
    const saved = { name: 'Saved Buyer', phone: '+66 81 234 5678', line1: '9 Saved Soi', line2: 'Floor 3', city: 'Bangkok', region: null, postalCode: '10110', country: 'TH' };
    const own = await insertSavedAddress(database.db, { ...saved, memberId: owner!.id });
    const theirs = await insertSavedAddress(database.db, { ...uniqueAddress(), memberId: stranger!.id });
    const shopper = customer(owner!.id);
    const ADDRESS = 'shippingAddress { name phone email line1 line2 city region postalCode country }';
    const setAddress = (principal: Principal, input: Record<string, unknown>) =>
      run(principal, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { cart { addressComplete ${ADDRESS} } ${ERRORS} } }`, { input });
    const addressOfCart = async (principal: Principal, id: string) => (await run(principal, `query ($id: ID!) { cart(id: $id) { ${ADDRESS} } }`, { id })).cart.shippingAddress;

    const { cart } = await cartCreate(shopper, []);
    await setAddress(shopper, { cartId: cart.id, address: { email: 'saved.buyer@example.test' } });
    expect((await setAddress(shopper, { cartId: cart.id, addressId: own.id })).cartSetAddress).toEqual({
      cart: { addressComplete: true, shippingAddress: { ...saved, email: 'saved.buyer@example.test' } },
      userErrors: [],
    });
    // The cart keeps its snapshot: editing the saved address later leaves it alone.
    await editSavedAddress(database.db, own.id, { line1: '1 Moved Rd' });
    expect((await addressOfCart(shopper, cart.id)).line1).toBe('9 Saved Soi');

    const before = await addressOfCart(shopper, cart.id);
    for (const addressId of [theirs.id, randomUUID(), 'not-an-id']) {
      expect((await setAddress(shopper, { cartId: cart.id, addressId })).cartSetAddress).toMatchObject({
        cart: null, userErrors: [{ code: 'ADDRESS_NOT_FOUND', field: ['input', 'addressId'] }],
      });
    }
    expect(await addressOfCart(shopper, cart.id)).toEqual(before);

    const guestCart = (await cartCreate(ANONYMOUS, [])).cart.id;
    expect((await setAddress(ANONYMOUS, { cartId: guestCart, addressId: own.id })).cartSetAddress).toMatchObject({
      cart: null, userErrors: [{ code: 'ADDRESS_NOT_FOUND', field: ['input', 'addressId'] }],
    });
    expect((await run(ANONYMOUS, `query ($id: ID!) { cart(id: $id) { addressComplete } }`, { id: guestCart })).cart).toEqual({ addressComplete: false });

    for (const input of [{ cartId: cart.id }, { cartId: cart.id, addressId: own.id, address: uniqueAddress() }]) {
      expect((await setAddress(shopper, input)).cartSetAddress).toMatchObject({ cart: null, userErrors: [{ code: 'INVALID', field: ['input'] }] });
    }
  });

  it('binds a customer’s cart to that customer: anyone else finds nothing', async () => {
    const owner = customer();
    const { cart } = await cartCreate(owner, [{ variantId: variant(0).id, quantity: 1 }]);
    expect((await run(owner, `query ($id: ID!) { cart(id: $id) { id } }`, { id: cart.id })).cart).toEqual({ id: cart.id });
    for (const stranger of [ANONYMOUS, customer()]) {
      expect((await run(stranger, `query ($id: ID!) { cart(id: $id) { id } }`, { id: cart.id })).cart).toBeNull();
      expect((await checkout(stranger, cart.id)).userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'cartId'] });
    }
  });

  it('a guest cart that a signed-in customer changes becomes theirs: the guest and other customers then find nothing', async () => {
    const { cart } = await cartCreate(ANONYMOUS, [{ variantId: variant(0).id, quantity: 1 }]);
    const shopper = customer();
    const added = await run(
      shopper,
      `mutation ($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { cart { id } ${ERRORS} } }`,
      { input: { cartId: cart.id, lines: [{ variantId: variant(1).id, quantity: 1 }] } },
    );
    expect(added.cartLinesAdd).toEqual({ cart: { id: cart.id }, userErrors: [] });
    const [row] = await database.db.execute<{ member_id: string | null }>(sql`select member_id from orders.cart where id = ${cart.id}`);
    expect(row!.member_id).toBe((shopper as { memberId: string }).memberId);
    for (const stranger of [ANONYMOUS, customer()]) {
      expect((await run(stranger, `query ($id: ID!) { cart(id: $id) { id } }`, { id: cart.id })).cart).toBeNull();
    }
  });

  it('refuses a cart on a channel that is not a storefront', async () => {
    const { userErrors } = await cartCreate(ANONYMOUS, [], 'POINT_OF_SALE');
    expect(userErrors[0]).toMatchObject({ code: 'INVALID_CHANNEL', field: ['input', 'channel'] });
  });
});

describe('checkoutComplete', () => {
  it('places the order with snapshots, totals, a reservation, a pending payment, history and jobs; the cart is consumed', async () => {
    const buyer = customer();
    const cartId = await readyCart([{ variantId: variant(2, 3).id, quantity: 2 }], buyer);
    const before = await availableOf(database.db, variant(2, 3).id);
    const placed = await checkout(buyer, cartId);
    expect(placed.userErrors).toEqual([]);
    expect(placed.order).toMatchObject({
      status: 'PENDING_PAYMENT',
      channel: 'MOBILE_APP',
      // 2 × 123.00 + STANDARD 50.00
      total: { amount: '296.00' },
      lines: [{
        sku: variant(2, 3).sku, title: 'Test shirt 2 — M / White', productTitle: 'Test shirt 2', variantTitle: 'M / White',
        options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'White' }], quantity: 2, unitPrice: { amount: '123.00' },
      }],
    });
    expect(placed.confirmation).toEqual({ orderId: placed.order.id, number: placed.order.number, status: 'PENDING_PAYMENT', total: { amount: '296.00' } });
    expect(await availableOf(database.db, variant(2, 3).id)).toBe(before - 2);

    const id = placed.order.id as string;
    const [facts] = await database.db.execute<Record<string, number>>(sql`
      select
        (select count(*) from stock.reservation where reference = ${id} and status = 'ACTIVE')::int as reservations,
        (select count(*) from orders.payment where order_id = ${id})::int as payments,
        (select count(*) from orders.order_history where order_id = ${id} and kind = 'PLACED')::int as placed,
        (select count(*) from graphile_worker.jobs where key in (${`order-expiry:${id}`}, ${`report-order:${id}`}))::int as jobs,
        (select count(*) from products.purchase where member_id = ${(buyer as { memberId: string }).memberId})::int as purchases`);
    // No purchase yet: an unpaid order entitles no review (recorded when it is paid).
    expect(facts).toEqual({ reservations: 1, payments: 1, placed: 1, jobs: 2, purchases: 0 });

    const cart = await run(buyer, `query ($id: ID!) { cart(id: $id) { orderNumber } }`, { id: cartId });
    expect(cart.cart.orderNumber).toBe(placed.order.number);
    const again = await run(
      buyer,
      `mutation ($input: CartLinesAddInput!) { cartLinesAdd(input: $input) { ${ERRORS} } }`,
      { input: { cartId, lines: [{ variantId: variant(0).id, quantity: 1 }] } },
    );
    expect(again.cartLinesAdd.userErrors[0].code).toBe('CART_COMPLETED');
  });

  it('answers a replayed key with the same order and writes nothing more; a new key on the used cart is refused', async () => {
    const cartId = await readyCart([{ variantId: variant(1).id, quantity: 1 }]);
    const key = randomUUID();
    const first = await checkout(ANONYMOUS, cartId, key);
    expect(first.confirmation.orderId).toBeTruthy();
    expect(first.order).toBeNull();
    const before = await footprint(database.db);
    const replay = await checkout(ANONYMOUS, cartId, key);
    expect(replay).toEqual(first);
    expect(await footprint(database.db)).toEqual(before);
    expect((await checkout(ANONYMOUS, cartId)).userErrors[0].code).toBe('CART_COMPLETED');
  });

  it('refuses a key reused for another cart with IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    const a = await readyCart([{ variantId: variant(1).id, quantity: 1 }]);
    const b = await readyCart([{ variantId: variant(1).id, quantity: 1 }]);
    expect((await checkout(ANONYMOUS, a, key)).userErrors).toEqual([]);
    const reused = await checkout(ANONYMOUS, b, key);
    expect(reused).toMatchObject({ confirmation: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }] });
  });

  it('a sold-out line names the line and writes nothing at all', async () => {
    const soldOut = variant(3, 1);
    const short = variant(3, 2);
    await setAvailable(database.db, soldOut.id, 0);
    await setAvailable(database.db, short.id, 1);
    const cartId = await readyCart([{ variantId: variant(3).id, quantity: 1 }, { variantId: soldOut.id, quantity: 1 }]);
    const before = await footprint(database.db);
    const refused = await checkout(ANONYMOUS, cartId);
    expect(refused.confirmation).toBeNull();
    expect(refused.userErrors).toEqual([
      { field: ['cart', 'lines', '1'], code: 'SOLD_OUT', message: `Test shirt 3 (M / Black), SKU ${soldOut.sku} is sold out.`, availableQuantity: 0 },
    ]);
    expect(await footprint(database.db)).toEqual(before);
    expect(await availableOf(database.db, variant(3).id)).toBe(50);

    const shortCart = await readyCart([{ variantId: short.id, quantity: 3 }]);
    const partial = await checkout(ANONYMOUS, shortCart);
    expect(partial.userErrors[0]).toMatchObject({ code: 'INSUFFICIENT_STOCK', field: ['cart', 'lines', '0'], availableQuantity: 1 });
    // The cart stays open: the buyer may lower the quantity and try again.
    expect((await run(ANONYMOUS, `query ($id: ID!) { cart(id: $id) { orderNumber } }`, { id: shortCart })).cart.orderNumber).toBeNull();
  });

  it('a signed-in customer checking out a guest cart places an order that is theirs, in their order history', async () => {
    const cartId = await readyCart([{ variantId: variant(1, 0).id, quantity: 1 }]);
    const buyer = customer();
    const placed = await checkout(buyer, cartId);
    expect(placed.userErrors).toEqual([]);
    const [row] = await database.db.select({ memberId: order.memberId }).from(order).where(eq(order.id, placed.order.id));
    expect(row!.memberId).toBe((buyer as { memberId: string }).memberId);
    const mine = await run(buyer, `{ myOrders(first: 10) { edges { node { id } } } }`);
    expect(mine.myOrders.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(placed.order.id);
  });

  it('only a paid order entitles its customer to review what it holds; cancelling it withdraws that', async () => {
    const buyer = customer();
    const memberId = (buyer as { memberId: string }).memberId;
    const review = (p: number) =>
      database.db.transaction((tx) => createReview(tx, memberId, { productId: plan.products[p]!.id, rating: 5, body: 'Lovely.' }));
    const staff = systemActor('test');

    const unpaid = await checkout(buyer, await readyCart([{ variantId: variant(2, 0).id, quantity: 1 }], buyer));
    expect(unpaid.userErrors).toEqual([]);
    expect(await review(2)).toMatchObject({ ok: false, errors: [{ code: 'NOT_PURCHASED' }] });
    expect(await database.db.transaction((tx) => markOrderPaid(tx, staff, { orderId: unpaid.order.id, method: 'CASH' }))).toMatchObject({ ok: true });
    expect(await review(2)).toMatchObject({ ok: true });

    const cancelled = await checkout(buyer, await readyCart([{ variantId: variant(3, 0).id, quantity: 1 }], buyer));
    await database.db.transaction((tx) => markOrderPaid(tx, staff, { orderId: cancelled.order.id, method: 'CASH' }));
    expect(await database.db.transaction((tx) => transitionOrder(tx, { orderId: cancelled.order.id, to: 'CANCELLED', actor: staff }))).toMatchObject({ ok: true });
    expect(await review(3)).toMatchObject({ ok: false, errors: [{ code: 'NOT_PURCHASED' }] });
  });

  it('refuses an empty cart', async () => {
    const { cart } = await cartCreate(ANONYMOUS, []);
    expect((await checkout(ANONYMOUS, cart.id)).userErrors[0].code).toBe('CART_EMPTY');
  });
});

describe('staff orders and marketplace imports', () => {
  const ORDER = `order { id number status channel marketplace externalOrderId total { amount } history { kind toStatus note actorKind } }`;

  it('imports a marketplace order once: a re-import returns the same order and writes nothing', async () => {
    const input = {
      marketplace: 'Lazada', externalOrderId: `LZ-${randomUUID().slice(0, 8)}`,
      lines: [{ variantId: variant(0, 2).id, quantity: 1, unitPrice: '95.00' }], shippingPrice: '30.00', paid: true,
      address: uniqueAddress(),
    };
    const importOrder = () => run(
      TEST_OPERATOR,
      `mutation ($input: OrderImportInput!) { orderImport(input: $input) { ${ORDER} ${ERRORS} } }`,
      { input },
    );
    const first = (await importOrder()).orderImport;
    expect(first.userErrors).toEqual([]);
    expect(first.order).toMatchObject({ channel: 'MARKETPLACE', marketplace: 'lazada', status: 'PAID', total: { amount: '125.00' } });
    const before = await footprint(database.db);
    const second = (await importOrder()).orderImport;
    expect(second.order.id).toBe(first.order.id);
    expect(await footprint(database.db)).toEqual(before);
    expect(await database.db.$count(order, eq(order.externalOrderId, input.externalOrderId))).toBe(1);
  });

  it('creates a phone order that waits for payment, with the note on its timeline', async () => {
    const staff = TEST_OPERATOR;
    const created = await run(
      staff,
      `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { ${ORDER} ${ERRORS} } }`,
      { input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant(0, 3).id, quantity: 1 }], address: uniqueAddress(), note: 'Phoned in' } },
    );
    expect(created.orderCreate.order).toMatchObject({
      status: 'PENDING_PAYMENT', history: [{ kind: 'PLACED', toStatus: 'PENDING_PAYMENT', note: 'Phoned in', actorKind: 'STAFF' }],
    });
    const [line] = await database.db.select().from(orderLine).where(eq(orderLine.orderId, created.orderCreate.order.id));
    expect(line!.unitPriceMinor).toBe(10_300n);
  });

  it('refuses a marketplace channel on orderCreate and bad lines with field paths', async () => {
    const staff = TEST_OPERATOR;
    const refused = await run(
      staff,
      `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { ${ERRORS} } }`,
      { input: { channel: 'MARKETPLACE', lines: [] } },
    );
    expect(refused.orderCreate.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'channel'] });
    const bad = await run(
      staff,
      `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { ${ERRORS} } }`,
      { input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant(0).id, quantity: 1, unitPrice: '1.234' }] } },
    );
    expect(bad.orderCreate.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'lines', '0', 'unitPrice'] });
  });
});
