import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { members } from '@shop/members';
import { startWorker } from '@shop/kit/jobs';
import { sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { staffLogin } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { readOutbox, useTestOutbox } from '../kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

// Polling the cart and the outbox while the worker runs: the point is the journey, not the caller's rate budget.
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
});

/**
 * One shopper's whole storefront journey through the gateway, the job worker
 * running: sign-up with a device, an address saved, anonymous browsing and a
 * guest cart on another device, sign-in with both (the cart and the events
 * become theirs by jobs), points granted by staff, the saved address on the
 * cart, checkout redeeming points, the order in myOrder, and a password reset
 * by the e-mailed token (old session refused, the new password signs in).
 */
const outbox = useTestOutbox();
const ERRORS = 'userErrors { field code message }';
const summarise = () => members.tasks['members.summariseEvents']!({}, database.db);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
}, 300_000);
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('storefront journey (%s)', (mode) => {
  let gateway: TestGateway;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let service: Record<string, string>;

  const ask = async (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) => {
    const { body } = await gateway.query(query, variables, headers);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors).slice(0, 500)}`);
    return body.data;
  };
  /** Asks until `check` holds for the answer (a job does the work in the background), or fails after 30 s. */
  const until = async (headers: Record<string, string>, query: string, check: (data: any) => boolean) => {
    for (let i = 0; i < 300; i++) {
      const data = await ask(headers, query);
      if (check(data)) return data;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${query}: not as expected after 30 s`);
  };

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
    const headers = { authorization: `Bearer ${await staffLogin(gateway, 'customer_service@shop.test', 'demo-customer_service-password')}` };
    const stepUp = await ask(headers, `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`, {
      input: { password: 'demo-customer_service-password' },
    });
    service = { ...headers, 'x-step-up': stepUp.stepUpConfirm.stepUpToken };
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });

  it('sign-up, address, anonymous browsing and a guest cart, sign-in, points, checkout redeeming them, myOrder, password reset', async () => {
    const email = `journey.${mode}.${randomUUID()}@example.test`;
    const laptop = `web-${randomUUID()}`;
    const phone = `app-${randomUUID()}`;
    const signUp = await ask({}, `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token ${ERRORS} } }`, {
      input: { email, password: 'first journey password', displayName: 'Journey', deviceId: laptop },
    });
    expect(signUp.customerSignUp.userErrors).toEqual([]);
    const firstSession = { authorization: `Bearer ${signUp.customerSignUp.token}` };
    const memberId = (await ask(firstSession, `{ myProfile { member { id } } }`)).myProfile.member.id as string;

    const saved = await ask(firstSession, `mutation ($input: MyAddressAddInput!) { myAddressAdd(input: $input) { address { id isDefault } ${ERRORS} } }`, {
      input: { address: { name: 'Journey Buyer', phone: '081 234 5678', line1: '9 Journey Soi', city: 'Bangkok', region: 'Bangkok', postalCode: '10110', country: 'TH' } },
    });
    expect(saved.myAddressAdd).toMatchObject({ address: { isDefault: true }, userErrors: [] });
    const addressId = saved.myAddressAdd.address.id as string;

    // Anonymous on the phone: views, an add to cart and a search, and a guest cart.
    const [variant] = await sellableVariants(database.db, 1, mode === 'in-process' ? 4 : 5);
    await setAvailable(database.db, variant!.id, 100);
    const [row] = await database.db.execute<{ product_id: string }>(sql`select product_id from products.variant where id = ${variant!.id}`);
    const productId = row!.product_id;
    const now = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const tracked = await ask({}, `mutation ($input: EventsTrackInput!) { eventsTrack(input: $input) { accepted ${ERRORS} } }`, {
      input: {
        deviceId: phone,
        events: [
          { type: 'PRODUCT_VIEW', productId, source: 'line', campaign: 'journey', occurredAt: now(4) },
          { type: 'PRODUCT_VIEW', productId, occurredAt: now(3) },
          { type: 'ADD_TO_CART', productId, occurredAt: now(2) },
          { type: 'SEARCH', query: 'linen shirt', occurredAt: now(1) },
        ],
      },
    });
    expect(tracked.eventsTrack).toEqual({ accepted: 4, userErrors: [] });
    const guest = await ask({}, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } ${ERRORS} } }`, {
      input: { channel: 'MOBILE_APP', lines: [{ variantId: variant!.id, quantity: 2 }] },
    });
    const cartId = guest.cartCreate.cart.id as string;

    // Sign-in on the phone with its device and guest cart: both become theirs by jobs.
    const login = await ask({}, `mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token ${ERRORS} } }`, {
      input: { email, password: 'first journey password', deviceId: phone, guestCartId: cartId },
    });
    expect(login.customerLogin.userErrors).toEqual([]);
    const session = { authorization: `Bearer ${login.customerLogin.token}` };
    const CART = `{ cart(id: "${cartId}") { id lines { quantity } shippingAddress { name line1 postalCode } addressComplete } }`;
    const attached = await until(session, CART, (data) => data.cart !== null);
    expect(attached.cart).toMatchObject({ id: cartId, lines: [{ quantity: 2 }] });
    expect((await gateway.query(CART)).body.data?.cart ?? null).toBeNull();

    await summarise();
    const behaviour = await ask(session, `{ myProfile { member { behaviour { last30Days { productViews addsToCart searches topSources { source campaign events } } } } } }`);
    expect(behaviour.myProfile.member.behaviour.last30Days).toMatchObject({ productViews: 2, addsToCart: 1, searches: 1, topSources: [{ source: 'line', campaign: 'journey', events: 1 }] });

    // Staff grant points (a step-up confirmed), then the customer sees them.
    const granted = await ask(service, `mutation ($input: MemberPointsAdjustInput!) { memberPointsAdjust(input: $input) { balance ${ERRORS} } }`, {
      input: { memberId, delta: 400, reason: 'journey welcome' },
    });
    expect(granted.memberPointsAdjust).toEqual({ balance: 400, userErrors: [] });
    expect((await ask(session, `{ myPoints { balance } }`)).myPoints.balance).toBe(400);

    // The saved address goes on the cart by its id: orders copies it through the members command.
    const set = await ask(session, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { cart { addressComplete } ${ERRORS} } }`, {
      input: { cartId, addressId },
    });
    expect(set.cartSetAddress).toEqual({ cart: { addressComplete: true }, userErrors: [] });
    expect((await ask(session, CART)).cart.shippingAddress).toEqual({ name: 'Journey Buyer', line1: '9 Journey Soi', postalCode: '10110' });

    const placed = await ask(session, `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id pointsRedeemed } ${ERRORS} } }`, {
      input: { cartId, idempotencyKey: randomUUID(), pointsToRedeem: 150 },
    });
    expect(placed.checkoutComplete.userErrors).toEqual([]);
    const orderId = placed.checkoutComplete.order.id as string;
    const mine = await ask(session, `query ($id: ID!) { myOrder(id: $id) { id status pointsRedeemed lines { quantity } } }`, { id: orderId });
    expect(mine.myOrder).toEqual({ id: orderId, status: 'PENDING_PAYMENT', pointsRedeemed: 150, lines: [{ quantity: 2 }] });
    expect((await ask(session, `{ myPoints { balance } }`)).myPoints.balance).toBe(250);

    // A password reset by the e-mailed token (the worker sends it): the old session ends, the new password works.
    const sentBefore = readOutbox(outbox).filter((mail) => mail.to === email).length;
    const asked = await ask({}, `mutation ($i: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $i) { ${ERRORS} } }`, { i: { email } });
    expect(asked.customerPasswordResetRequest.userErrors).toEqual([]);
    let mail: ReturnType<typeof readOutbox> = [];
    for (let i = 0; i < 300 && mail.length === 0; i++) {
      mail = readOutbox(outbox).filter((m) => m.to === email).slice(sentBefore);
      if (!mail.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mail).toHaveLength(1);
    const token = /prt_[A-Za-z0-9_-]+/.exec(mail[0]!.text)![0];
    const reset = await ask({}, `mutation ($i: CustomerPasswordResetInput!) { customerPasswordReset(input: $i) { ${ERRORS} } }`, {
      i: { token, newPassword: 'second journey password' },
    });
    expect(reset.customerPasswordReset.userErrors).toEqual([]);
    const refused = await gateway.query(`{ myProfile { email } }`, {}, session);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const LOGIN = `mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token userErrors { code } } }`;
    expect((await ask({}, LOGIN, { input: { email, password: 'first journey password' } })).customerLogin).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    const again = await ask({}, LOGIN, { input: { email, password: 'second journey password' } });
    expect(again.customerLogin.userErrors).toEqual([]);
    const profile = await ask({ authorization: `Bearer ${again.customerLogin.token}` }, `{ myProfile { email member { id } } }`);
    expect(profile.myProfile).toEqual({ email, member: { id: memberId } });
  });
});
