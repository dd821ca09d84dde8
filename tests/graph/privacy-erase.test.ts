import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { startWorker } from '@shop/kit/jobs';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { signInAll, type Caller } from '../kit/callers.js';

/**
 * Issue #12's privacy "Done when", through the gateway with the job worker
 * running: a member made through the API (sign-up, profile, an order by
 * checkout, a saved address, a linked LINE id, a review, a contact log entry, points, searches
 * typed with their name and phone, a wishlist, a segment) is exported (the
 * file holds their profile, orders, behaviour and the rest; who may not ask or
 * download is refused) and then erased; afterwards a scan of every table of
 * every schema in the database finds none of their email, phone (E.164,
 * national, as typed) or names.
 */
describe.each(['in-process', 'distributed'] as const)('member privacy: export and erase (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let callers: Caller[];
  const caller = (name: string) => callers.find((c) => c.name === name)!;

  // Distinctive values, found nowhere else in the demo data.
  const tag = randomBytes(4).toString('hex');
  const person = {
    email: `privacy.${tag}@example.test`,
    typedPhone: mode === 'in-process' ? '081-987-6543' : '081-987-6544',
    e164: mode === 'in-process' ? '+66819876543' : '+66819876544',
    national: mode === 'in-process' ? '0819876543' : '0819876544',
    givenName: `Privgiven${tag}`,
    familyName: `สมชายลบ${tag}`,
    displayName: `Privdisplay${tag}`,
    password: 'privacy-test-password',
    lineId: `U${randomBytes(16).toString('hex')}`,
  };
  const needles = [person.email, person.e164, person.national, person.e164.slice(3), person.typedPhone, person.givenName, person.familyName, person.displayName, person.lineId];

  const ask = async (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) => {
    const { body } = await gateway.query(query, variables, headers);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors).slice(0, 500)}`);
    return body.data;
  };
  const stepUp = async (headers: Record<string, string>, password: string) => {
    const data = await ask(headers, `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`, { input: { password } });
    return { ...headers, 'x-step-up': data.stepUpConfirm.stepUpToken as string };
  };
  const REQUEST = `query ($id: ID!) { privacyRequest(id: $id) { id kind status downloadUrl parts { domain done } } }`;
  /** Polls the request until every domain reported its part (the worker runs the jobs). */
  const untilDone = async (headers: Record<string, string>, id: string) => {
    for (let i = 0; i < 300; i++) {
      const data = await ask(headers, REQUEST, { id });
      if (data.privacyRequest.status === 'DONE') return data.privacyRequest;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`privacy request ${id} not done after 30 s`);
  };
  const download = (path: string, headers: Record<string, string>) => fetch(new URL(path, gateway.url), { headers });

  const TRACK = `mutation ($input: EventsTrackInput!) { eventsTrack(input: $input) { accepted userErrors { field code message } } }`;
  const deviceId = `web-privacy-${tag}-${mode}`;
  /** Waits until the query counts at least one row (a job wrote it), or fails after 30 s. */
  const untilRow = async (query: ReturnType<typeof sql>) => {
    for (let i = 0; i < 300; i++) {
      const [row] = await database.db.execute<{ n: number }>(query);
      if (row!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no row after 30 s');
  };

  let memberId: string;
  let segmentId: string;
  let customer: Record<string, string>;
  let service: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
    callers = await signInAll(gateway);
    service = await stepUp(caller('customer_service').headers, 'demo-customer_service-password');

    // Anonymous searches typed with their name and phone, on the device they then sign up on.
    const tracked = await ask({}, TRACK, {
      input: { deviceId, events: [{ type: 'SEARCH', query: `${person.givenName} ${person.national}`, occurredAt: new Date().toISOString() }] },
    });
    expect(tracked.eventsTrack.accepted).toBe(1);
    // The member, through the API: storefront sign-up, then staff add the names and a contact log entry.
    const signedUp = await ask({}, `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token userErrors { code message } } }`, {
      input: { email: person.email, password: person.password, displayName: person.displayName, phone: person.typedPhone, deviceId },
    });
    customer = { authorization: `Bearer ${signedUp.customerSignUp.token}` };
    const found = await ask(caller('customer_service').headers, `query ($q: String!) { members(first: 1, filter: { contact: $q }) { edges { node { id } } } }`, { q: person.email });
    memberId = found.members.edges[0].node.id;
    const updated = await ask(service, `mutation ($input: MemberUpdateInput!) { memberUpdate(input: $input) { userErrors { code message } } }`, {
      input: { id: memberId, profile: { givenName: person.givenName, familyName: person.familyName, birthday: '1991-02-03', notes: `Prefers ${person.givenName} over the family name` } },
    });
    expect(updated.memberUpdate.userErrors).toEqual([]);
    const logged = await ask(service, `mutation ($input: ContactLogAddInput!) { contactLogAdd(input: $input) { userErrors { code message } } }`, {
      input: { memberId, channel: 'CALL', summary: `${person.givenName} ${person.familyName} called from ${person.national} about a parcel` },
    });
    expect(logged.contactLogAdd.userErrors).toEqual([]);
    const saved = await ask(customer, `mutation ($input: MyAddressAddInput!) { myAddressAdd(input: $input) { userErrors { code message } } }`, {
      input: { address: { name: `${person.givenName} ${person.familyName}`, phone: person.e164, line1: `${tag} Privacy Soi`, city: 'Bangkok', country: 'TH' } },
    });
    expect(saved.myAddressAdd.userErrors).toEqual([]);
    const linked = await ask(customer, `mutation ($input: MyChannelLinkInput!) { myChannelLink(input: $input) { userErrors { code message } } }`, {
      input: { channel: 'LINE', externalId: person.lineId },
    });
    expect(linked.myChannelLink.userErrors).toEqual([]);

    // An order by checkout, shipped to the member by name, phone and email.
    const products = await ask(caller('owner').headers, `{ products(first: 50, filter: { status: [ACTIVE] }) { edges { node { id variants { id stock { available } } } } } }`);
    const product = products.products.edges.map((e: any) => e.node).find((p: any) => p.variants.some((v: any) => (v.stock?.available ?? 0) > 0));
    const variant = product.variants.find((v: any) => (v.stock?.available ?? 0) > 0);
    const cart = await ask(customer, `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } } }`, {
      input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant.id, quantity: 1 }] },
    });
    const cartId = cart.cartCreate.cart.id as string;
    await ask(customer, `mutation ($input: CartSetAddressInput!) { cartSetAddress(input: $input) { userErrors { code } } }`, {
      input: { cartId, address: { name: `${person.givenName} ${person.familyName}`, phone: person.typedPhone, email: person.email, line1: `${tag} Privacy Soi`, city: 'Bangkok', postalCode: '10110', country: 'TH' } },
    });
    await ask(customer, `mutation ($input: CartSetShippingMethodInput!) { cartSetShippingMethod(input: $input) { userErrors { code } } }`, { input: { cartId, shippingMethod: 'STANDARD' } });
    const placed = await ask(customer, `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id } userErrors { code message } } }`, {
      input: { cartId, idempotencyKey: randomUUID(), paymentProvider: 'MANUAL' },
    });
    expect(placed.checkoutComplete.userErrors).toEqual([]);
    // Paid: the purchase that entitles a review is recorded on payment.
    const paid = await ask(service, `mutation ($input: OrderMarkPaidInput!) { orderMarkPaid(input: $input) { userErrors { code message } } }`, {
      input: { orderId: placed.checkoutComplete.order.id, method: 'BANK_TRANSFER' },
    });
    expect(paid.orderMarkPaid.userErrors).toEqual([]);

    // A review of the product bought, signed with the member's name; points for the trouble.
    const reviewed = await ask(customer, `mutation ($input: ReviewCreateInput!) { reviewCreate(input: $input) { userErrors { code message } } }`, {
      input: { productId: product.id, rating: 4, title: `From ${person.givenName}`, body: `Fits well. — ${person.givenName} ${person.familyName}` },
    });
    expect(reviewed.reviewCreate.userErrors).toEqual([]);
    const adjusted = await ask(service, `mutation ($input: MemberPointsAdjustInput!) { memberPointsAdjust(input: $input) { userErrors { code message } } }`, {
      input: { memberId, delta: 25, reason: 'goodwill for the late parcel' },
    });
    expect(adjusted.memberPointsAdjust.userErrors).toEqual([]);

    // Signed in: a search with their phone and family name, and a product saved for later.
    const signedInSearch = await ask(customer, TRACK, {
      input: { deviceId, events: [{ type: 'SEARCH', query: `parcel ${person.e164} ${person.familyName}`, occurredAt: new Date().toISOString() }, { type: 'PRODUCT_VIEW', productId: product.id, occurredAt: new Date().toISOString() }] },
    });
    expect(signedInSearch.eventsTrack.accepted).toBe(2);
    const wished = await ask(customer, `mutation ($input: MyWishlistAddInput!) { myWishlistAdd(input: $input) { userErrors { code message } } }`, { input: { productId: product.id } });
    expect(wished.myWishlistAdd.userErrors).toEqual([]);
    // Their statistics come from the order's fact; then a segment of recent buyers takes them in (both jobs).
    await untilRow(sql`select count(*)::int as n from members.member_statistics where member_id = ${memberId}`);
    const created = await ask(caller('owner').headers, `mutation ($input: SegmentCreateInput!) { segmentCreate(input: $input) { segment { id } userErrors { code message } } }`, {
      input: { name: `Privacy buyers ${tag} ${mode}`, rules: { groups: [{ rules: [{ kind: 'ORDERS_COUNT', minOrders: 1, withinDays: 30 }] }] } },
    });
    expect(created.segmentCreate.userErrors).toEqual([]);
    segmentId = created.segmentCreate.segment.id;
    await untilRow(sql`select count(*)::int as n from members.segment_member where member_id = ${memberId} and segment_id = ${segmentId}`);
  }, 300_000);

  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
    await database?.close();
  });

  it('refuses an export or erasure to callers without members:write and members:read_pii, and to staff without a step-up', async () => {
    const EXPORT = `mutation ($input: MemberDataExportInput!) { memberDataExport(input: $input) { privacyRequest { id } userErrors { code } } }`;
    const ERASE = `mutation ($input: MemberEraseInput!) { memberErase(input: $input) { privacyRequest { id } userErrors { code } } }`;
    const codes = async (headers: Record<string, string>) => [
      (await gateway.query(EXPORT, { input: { memberId } }, headers)).body.errors?.[0]?.extensions?.code,
      (await gateway.query(ERASE, { input: { memberId, reason: 'test' } }, headers)).body.errors?.[0]?.extensions?.code,
    ];
    expect(await codes(caller('customer_service').headers)).toEqual(['STEP_UP_REQUIRED', 'STEP_UP_REQUIRED']);
    expect(await codes(caller('marketing').headers)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await codes(caller('partner').headers)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await codes(customer)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await codes({})).toEqual(expect.arrayContaining([expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/)]));
    const [requests] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.privacy_request where member_id = ${memberId}`);
    expect(requests!.n).toBe(0);
  });

  it('exports the profile, orders, addresses, contact log, points, reviews, behaviour events, wishlist, statistics and segments as one JSON file, downloadable only with the scopes and a valid link', async () => {
    const asked = await ask(service, `mutation ($input: MemberDataExportInput!) { memberDataExport(input: $input) { privacyRequest { id status } userErrors { code } } }`, { input: { memberId } });
    expect(asked.memberDataExport.privacyRequest.status).toBe('PENDING');
    const done = await untilDone(service, asked.memberDataExport.privacyRequest.id);
    expect(done.parts).toEqual(expect.arrayContaining(['members', 'orders', 'products', 'coupons'].map((domain) => ({ domain, done: true }))));
    expect(done.downloadUrl).toMatch(/^\/exports\/members\/privacy\/[0-9a-f-]{36}\.json\?expires=\d+&signature=/);

    const response = await download(done.downloadUrl, caller('customer_service').headers);
    expect(response.status).toBe(200);
    const file = (await response.json()) as any;
    expect(file.members.profile).toMatchObject({ id: memberId, email: person.email, givenName: person.givenName, familyName: person.familyName });
    expect(file.members.addresses).toHaveLength(1);
    expect(file.members.contactLog[0].summary).toContain(person.givenName);
    expect(file.members.points.balance).toBe(25);
    expect(file.orders.orders).toHaveLength(1);
    expect(file.orders.orders[0]).toMatchObject({ memberId, email: person.email, shipPhone: person.typedPhone });
    expect(file.orders.orders[0].lines.length).toBeGreaterThan(0);
    expect(file.products.reviews[0]).toMatchObject({ memberId, rating: 4 });
    // Their behaviour (the anonymous search on their device too), wishlist, statistics and segments.
    expect(file.members.behaviour.events.map((e: any) => e.type).sort()).toEqual(['PRODUCT_VIEW', 'SEARCH', 'SEARCH']);
    expect(file.members.behaviour.events.find((e: any) => e.memberId === null).query).toContain(person.givenName);
    expect(file.members.behaviour.devices).toEqual([expect.objectContaining({ deviceId, memberId })]);
    expect(file.members.wishlist).toEqual([expect.objectContaining({ memberId })]);
    expect(file.members.statistics).toEqual([expect.objectContaining({ memberId, ordersCount: 1 })]);
    expect(file.members.segments).toEqual([expect.objectContaining({ id: segmentId })]);

    expect((await download(done.downloadUrl, caller('marketing').headers)).status).toBe(403);
    expect((await download(done.downloadUrl, caller('order_operator').headers)).status).toBe(403);
    expect((await download(done.downloadUrl, {})).status).toBe(403);
    expect((await download(done.downloadUrl.replace(/signature=.{4}/, 'signature=AAAA'), caller('customer_service').headers)).status).toBe(403);
    expect((await download(done.downloadUrl.replace(/expires=\d+/, `expires=${Date.now() + 3_600_000}`), caller('customer_service').headers)).status).toBe(403);
    const denied = await gateway.query(REQUEST, { id: done.id }, caller('marketing').headers);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('erases the member: afterwards no table of any schema holds their email, phone or names (searches included), their events, devices, wishlist and segment places are gone, they cannot sign in, and the export is gone', async () => {
    const [exported] = await database.db.execute<{ id: string }>(sql`select id from members.privacy_request where member_id = ${memberId} and kind = 'EXPORT'`);
    const asked = await ask(service, `mutation ($input: MemberEraseInput!) { memberErase(input: $input) { privacyRequest { id } userErrors { code } } }`, {
      input: { memberId, reason: `Ticket ${tag}: the customer asked to be forgotten` },
    });
    const done = await untilDone(service, asked.memberErase.privacyRequest.id);
    expect(done.kind).toBe('ERASE');

    const tables = await database.db.execute<{ schema: string; table: string }>(sql`
      select table_schema as schema, table_name as table from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
    const schemas = new Set(tables.map((t) => t.schema));
    for (const schema of ['members', 'orders', 'products', 'access', 'graphile_worker']) expect(schemas).toContain(schema);
    const hits: string[] = [];
    for (const { schema, table } of tables) {
      for (const needle of needles) {
        const [row] = await database.db.execute<{ n: number }>(sql`
          select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)} t where strpos(lower(t::text), lower(${needle})) > 0`);
        if (row!.n > 0) hits.push(`${schema}.${table}: ${row!.n} row(s) with "${needle}"`);
      }
    }
    console.log(`[${mode}] erase scan: ${tables.length} tables × ${needles.length} values, ${hits.length} hits`);
    expect(hits, `erased PII still found:\n${hits.join('\n')}`).toEqual([]);

    // What stays: the order's amounts and lines, the review's rating, the ledger.
    const [order] = await database.db.execute<{ total: string; lines: number }>(sql`
      select o.total_minor::text as total, (select count(*)::int from orders.order_line l where l.order_id = o.id) as lines
      from orders.order o where o.member_id = ${memberId}`);
    expect(Number(order!.total)).toBeGreaterThan(0);
    expect(order!.lines).toBeGreaterThan(0);
    const [review] = await database.db.execute<{ rating: number }>(sql`select rating from products.review where member_id = ${memberId}`);
    expect(review!.rating).toBe(4);
    // Their events, devices and memberships are gone; the purchase figures (no contact data) stay.
    const [left] = await database.db.execute<Record<string, number>>(sql`select
      (select count(*)::int from members.behaviour_event where member_id = ${memberId} or device_id = ${deviceId}) as events,
      (select count(*)::int from members.member_device where member_id = ${memberId}) as devices,
      (select count(*)::int from members.wishlist_item where member_id = ${memberId}) as wishlist,
      (select count(*)::int from members.segment_member where member_id = ${memberId}) as segments,
      (select count(*)::int from members.member_statistics where member_id = ${memberId}) as statistics`);
    expect(left).toEqual({ events: 0, devices: 0, wishlist: 0, segments: 0, statistics: 1 });
    const member = await ask(service, `query ($id: ID!) { member(id: $id) { displayName email points disabled } }`, { id: memberId });
    expect(member.member).toEqual({ displayName: `erased-${memberId}`, email: `erased-${memberId}`, points: 25, disabled: true });

    const login = await gateway.query(`mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token userErrors { code } } }`, { input: { email: person.email, password: person.password } });
    expect(login.body.data.customerLogin).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect((await gateway.query(`{ myProfile { email } }`, undefined, customer)).status).toBe(401);
    const earlier = await ask(service, REQUEST, { id: exported!.id });
    expect(earlier.privacyRequest).toMatchObject({ status: 'EXPIRED', downloadUrl: null });

    // Erasing again is harmless; exporting an erased member is refused.
    const again = await ask(service, `mutation ($input: MemberEraseInput!) { memberErase(input: $input) { privacyRequest { id } userErrors { code } } }`, { input: { memberId, reason: 'twice' } });
    expect((await untilDone(service, again.memberErase.privacyRequest.id)).status).toBe('DONE');
    const refused = await ask(service, `mutation ($input: MemberDataExportInput!) { memberDataExport(input: $input) { privacyRequest { id } userErrors { code field } } }`, { input: { memberId } });
    expect(refused.memberDataExport).toEqual({ privacyRequest: null, userErrors: [{ code: 'MEMBER_ERASED', field: ['input', 'memberId'] }] });
  });
});
