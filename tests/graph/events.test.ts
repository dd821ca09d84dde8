import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { members } from '@shop/members';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { signInAll, type Caller } from '../kit/callers.js';

/**
 * Behaviour events through the gateway: a storefront sends events anonymously, the shopper signs up with the
 * device id, the summary job runs, and the member's behaviour shows the device's events — to themselves and to
 * staff with members:read, never to another customer. Product engagement is for staff with reports:read only.
 */
const TRACK = `mutation ($input: EventsTrackInput!) { eventsTrack(input: $input) { accepted userErrors { field code message } } }`;
const SIGN_UP = `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token userErrors { field code } } }`;
const BEHAVIOUR = `{ productViews addsToCart searches lastActivityAt topProducts { views product { id title } } topSources { source campaign events } }`;
const summarise = () => members.tasks['members.summariseEvents']!({}, database.db);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('behaviour events (%s)', (mode) => {
  let gateway: TestGateway;
  let callers: Caller[];
  let productId: string;
  const caller = (name: string) => callers.find((c) => c.name === name)!;
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    callers = await signInAll(gateway);
    const { body } = await gateway.query(`{ products(first: 1) { edges { node { id } } } }`, undefined, caller('owner').headers);
    productId = body.data.products.edges[0].node.id;
  });
  afterAll(() => gateway?.stop());

  it('anonymous events on two devices, then sign-up with one and sign-in with the other: the member sees them in behaviour; another customer cannot read it', async () => {
    const deviceId = `web-${randomUUID()}`;
    const anonymous = await gateway.query(TRACK, {
      input: {
        deviceId,
        events: [
          { type: 'PRODUCT_VIEW', productId, source: 'line', campaign: 'songkran', occurredAt: at(3) },
          { type: 'PRODUCT_VIEW', productId, occurredAt: at(2) },
          { type: 'SEARCH', query: 'silk scarf', occurredAt: at(1) },
        ],
      },
    });
    expect(anonymous.body).toMatchObject({ data: { eventsTrack: { accepted: 3, userErrors: [] } } });

    const email = `events-${mode}-${randomUUID()}@example.test`;
    const signUp = await gateway.query(SIGN_UP, {
      input: { email, password: 'correct horse battery', displayName: 'Events', deviceId },
    });
    expect(signUp.body.data.customerSignUp.userErrors).toEqual([]);
    const own = { authorization: `Bearer ${signUp.body.data.customerSignUp.token}` };
    // The sign-up answer is read by an anonymous caller; the member's id comes with the new session.
    const profile = await gateway.query(`{ myProfile { member { id } } }`, undefined, own);
    const memberId = profile.body.data.myProfile.member.id as string;
    const signedIn = await gateway.query(TRACK, { input: { deviceId, events: [{ type: 'ADD_TO_CART', productId, occurredAt: at(0) }] } }, own);
    expect(signedIn.body.data.eventsTrack.accepted).toBe(1);
    // A second device browsed anonymously, then signs in: its events count too.
    const phone = `app-${randomUUID()}`;
    await gateway.query(TRACK, { input: { deviceId: phone, events: [{ type: 'PRODUCT_VIEW', productId, occurredAt: at(1) }] } });
    const login = await gateway.query(`mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token userErrors { code } } }`, {
      input: { email, password: 'correct horse battery', deviceId: phone },
    });
    expect(login.body.data.customerLogin.userErrors).toEqual([]);

    await summarise();
    const mine = await gateway.query(`{ myProfile { member { behaviour { last30Days ${BEHAVIOUR} last90Days { productViews } } } } }`, undefined, own);
    expect(mine.body.errors).toBeUndefined();
    const behaviour = mine.body.data.myProfile.member.behaviour;
    expect(behaviour.last30Days).toMatchObject({
      productViews: 3,
      addsToCart: 1,
      searches: 1,
      topProducts: [{ views: 3, product: { id: productId, title: expect.any(String) } }],
      topSources: [{ source: 'line', campaign: 'songkran', events: 1 }],
    });
    expect(behaviour.last90Days.productViews).toBe(3);

    const staff = await gateway.query(`query ($id: ID!) { member(id: $id) { behaviour { last30Days { productViews } } } }`, { id: memberId }, caller('marketing').headers);
    expect(staff.body.data.member.behaviour.last30Days.productViews).toBe(3);

    const other = await gateway.query(`query ($id: ID!) { member(id: $id) { behaviour { last30Days { productViews } } } }`, { id: memberId }, caller('customer').headers);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.body.data?.member ?? null).toBeNull();
    const anonymousRead = await gateway.query(`{ myProfile { member { behaviour { last30Days { productViews } } } } }`);
    expect(anonymousRead.body.data?.myProfile ?? null).toBeNull();
  });

  it('product engagement is for staff with reports:read: marketing reads it, a catalog manager and a customer get FORBIDDEN', async () => {
    await gateway.query(TRACK, { input: { deviceId: `web-${randomUUID()}`, events: [{ type: 'PRODUCT_VIEW', productId, occurredAt: at(1) }] } });
    await summarise();
    const query = `query ($id: ID!) { product(id: $id) { id engagement { last30Days { views addsToCart viewToCartRate } } } }`;
    const marketing = await gateway.query(query, { id: productId }, caller('marketing').headers);
    expect(marketing.body.errors).toBeUndefined();
    expect(marketing.body.data.product.engagement.last30Days.views).toBeGreaterThanOrEqual(1);
    for (const name of ['catalog_manager', 'customer']) {
      const denied = await gateway.query(query, { id: productId }, caller(name).headers);
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(denied.body.data?.product?.engagement ?? null).toBeNull();
    }
  });

  it('a batch costs by its size (1 event 3 points, 100 events 12) against the caller bucket, and bad input is a userError by path', async () => {
    const events = (n: number) => Array.from({ length: n }, () => ({ type: 'PRODUCT_VIEW', productId, occurredAt: at(1) }));
    const one = await gateway.query(TRACK, { input: { deviceId: `web-${randomUUID()}`, events: events(1) } });
    const hundred = await gateway.query(TRACK, { input: { deviceId: `web-${randomUUID()}`, events: events(100) } });
    expect(one.body.extensions.cost.requestedQueryCost).toBe(3);
    expect(hundred.body.extensions.cost.requestedQueryCost).toBe(12);
    expect(hundred.body.data.eventsTrack.accepted).toBe(100);

    const bad = await gateway.query(TRACK, {
      input: { deviceId: `web-${randomUUID()}`, events: [{ type: 'ADD_TO_CART', occurredAt: at(1) }, ...events(1)] },
    });
    expect(bad.body.data.eventsTrack).toEqual({
      accepted: 1,
      userErrors: [{ field: ['input', 'events', '0', 'productId'], code: 'REQUIRED', message: 'ADD_TO_CART events need this field.' }],
    });
  });
});
