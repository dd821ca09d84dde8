import { request as httpRequest } from 'node:http';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { signedLinks } from '@shop/kit/signed-links';
import { erasePhotosOf, MAX_PHOTO_BYTES, purgeUnattachedPhotos } from '@shop/orders/after-sales';
import { seedDemo } from '@shop/gateway/seed/index';
import { sellableVariants, setAvailable, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER, staffLogin } from '../kit/callers.js';

// Twenty refunds at once by one caller: the point is the money, not the caller's rate budget nor the step-up
// threshold (subgraphs/orders/test/after-sales.test.ts covers step-up).
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
  process.env.REFUND_STEP_UP_AMOUNT = '100000000';
  // Uploads are throttled per caller (10 at once by default); this file uploads more than that as one customer.
  process.env.RETURN_PHOTO_BURST = '1000';
});

/** Return photos land in a folder of this file's own, outside any public media folder. */
const photoDir = mkdtempSync(join(tmpdir(), 'shop-return-photos-'));
process.env.RETURN_PHOTO_DIR = photoDir;
afterAll(() => rm(photoDir, { recursive: true, force: true }));

/** The smallest valid PNG (1×1) and the start of a JPEG: the type comes from these bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64)]);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const M = {
  create: `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { order { id total { amount } lines { id quantity } } userErrors { code message } } }`,
  markPaid: `mutation ($input: OrderMarkPaidInput!) { orderMarkPaid(input: $input) { userErrors { code message } } }`,
  fulfil: `mutation ($input: OrderFulfilInput!) { orderFulfil(input: $input) { userErrors { code message } } }`,
  ship: `mutation ($input: OrderShipInput!) { orderShip(input: $input) { userErrors { code message } } }`,
  flagRules: `mutation ($input: OrderFlagRulesUpdateInput!) { orderFlagRulesUpdate(input: $input) { userErrors { code message } } }`,
  myCreate: `mutation ($input: MyReturnRequestCreateInput!) { myReturnRequestCreate(input: $input) { returnRequest { id number status kind reasonCode customerNote } userErrors { field code message } } }`,
  myCancel: `mutation ($input: MyReturnRequestCancelInput!) { myReturnRequestCancel(input: $input) { returnRequest { id status closeReason } userErrors { field code message } } }`,
  close: `mutation ($input: ReturnRequestCloseInput!) { returnRequestClose(input: $input) { returnRequest { id status closeReason staffNote } userErrors { field code message } } }`,
  reject: `mutation ($input: ReturnRequestDecideInput!) { returnRequestReject(input: $input) { returnRequest { id status } userErrors { field code message } } }`,
  create_: `mutation ($input: ReturnRequestCreateInput!) { returnRequestCreate(input: $input) { returnRequest { id lines { id quantity } } userErrors { field code message } } }`,
  approve: `mutation ($input: ReturnRequestDecideInput!) { returnRequestApprove(input: $input) { returnRequest { id status staffNote } userErrors { field code message } } }`,
  receive: `mutation ($input: ReturnRequestReceiveInput!) { returnRequestReceive(input: $input) { returnRequest { id status lines { receivedQuantity disposition warehouseId } } userErrors { field code message } } }`,
  refund: `mutation ($input: ReturnRequestRefundInput!) { returnRequestRefund(input: $input) { returnRequest { id status refunded { amount currencyCode } } userErrors { field code message } } }`,
};

describe.each(['in-process', 'distributed'] as const)('after-sales through the gateway (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let operator: Record<string, string>;
  let customer: Record<string, string>;
  let otherCustomer: Record<string, string>;
  let memberId: string;
  let variantId: string;
  let warehouseId: string;

  /** Runs a mutation that must be accepted; returns its payload. */
  async function must(query: string, input: Record<string, unknown>, headers = owner) {
    const { body } = await gateway.query(query, { input }, headers);
    const payload = Object.values(body.data ?? {})[0] as { userErrors?: unknown[] } | null;
    if (body.errors?.length || !payload || payload.userErrors?.length) throw new Error(`refused: ${JSON.stringify(body)}`);
    return payload as any;
  }

  /** A shipped order of the demo customer, fully paid; `quantity` units of one variant. */
  async function shippedOrder(quantity = 2): Promise<{ id: string; total: string; lineId: string }> {
    const created = await must(M.create, { channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity }], address: uniqueAddress() });
    const order = created.order;
    await must(M.markPaid, { orderId: order.id, method: 'CASH' });
    await must(M.fulfil, { id: order.id });
    await must(M.ship, { id: order.id, carrier: 'Kerry', trackingNumber: `KE${Date.now()}` });
    return { id: order.id, total: order.total.amount, lineId: order.lines[0].id };
  }

  beforeAll(async () => {
    database = await createTestDatabase({ max: 30 });
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
    // Order operators hold orders:write and orders:read_internal but not orders:refund.
    operator = bearer(await staffLogin(gateway, 'order_operator@shop.test', 'demo-order_operator-password'));
    customer = bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
    otherCustomer = bearer(await customerLogin(gateway, 'member2@example.test', 'demo-customer-password'));
    const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
    memberId = member!.id;
    const [variant] = await sellableVariants(database.db, 1);
    variantId = variant!.id;
    await setAvailable(database.db, variantId, 100_000);
    const [warehouse] = await database.db.execute<{ id: string }>(sql`select id from stock.warehouse order by priority limit 1`);
    warehouseId = warehouse!.id;
    const rules = ['HIGH_TOTAL', 'REPEATED_ADDRESS', 'REPEATED_PHONE', 'INCOMPLETE_ADDRESS', 'PAYMENT_MISMATCH', 'FIRST_ORDER_HIGH_TOTAL'];
    await must(M.flagRules, { rules: rules.map((rule) => ({ rule, enabled: false })) });
  }, 300_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('a customer returns one item with a quality reason; staff approve, receive it into stock (the ledger shows it) and refund it', async () => {
    const order = await shippedOrder(2);
    const opened = await must(
      M.myCreate,
      { orderId: order.id, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', note: 'The seam is torn', lines: [{ orderLineId: order.lineId, quantity: 1 }] },
      customer,
    );
    expect(opened.returnRequest).toMatchObject({ status: 'REQUESTED', kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', customerNote: 'The seam is torn' });
    const id = opened.returnRequest.id as string;

    const queue = await gateway.query(`{ returnRequests(first: 5, filter: { status: [REQUESTED], reasonCode: [QUALITY_DEFECT] }) { totalCount edges { node { id number order { id } } } } }`, {}, operator);
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.returnRequests.edges.map((e: any) => e.node.id)).toContain(id);

    const approved = await must(M.approve, { id, note: 'Photo checked; defect confirmed' }, operator);
    expect(approved.returnRequest).toMatchObject({ status: 'APPROVED', staffNote: 'Photo checked; defect confirmed' });
    const { body: detail } = await gateway.query(`query ($id: ID!) { returnRequest(id: $id) { lines { id quantity orderLine { id } } } }`, { id }, operator);
    const lineId = detail.data.returnRequest.lines[0].id;
    const received = await must(M.receive, { id, warehouseId, lines: [{ lineId, quantity: 1, disposition: 'RESTOCK' }] }, operator);
    expect(received.returnRequest).toMatchObject({ status: 'RECEIVED', lines: [{ receivedQuantity: 1, disposition: 'RESTOCK', warehouseId }] });

    const ledger = await gateway.query(
      `query ($v: ID!, $w: ID) { stockMovements(variantId: $v, warehouseId: $w, first: 5) { edges { node { kind onHandDelta reference } } } }`,
      { v: variantId, w: warehouseId },
      owner,
    );
    expect(ledger.body.data.stockMovements.edges.map((e: any) => e.node)).toContainEqual({ kind: 'RETURN', onHandDelta: 1, reference: opened.returnRequest.number });

    // Refunds need orders:refund: the operator is refused before anything moves.
    const denied = await gateway.query(M.refund, { input: { id } }, operator);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unit = (Number(order.total) / 2).toFixed(2);
    const refunded = await must(M.refund, { id }, owner);
    expect(refunded.returnRequest).toMatchObject({ status: 'REFUNDED', refunded: { amount: unit, currencyCode: 'THB' } });
    const { body: after } = await gateway.query(
      `query ($id: ID!) { order(id: $id) { paymentState history { kind } } }`,
      { id: order.id },
      owner,
    );
    expect(after.data.order.paymentState).toBe('PARTIALLY_REFUNDED');
    expect(after.data.order.history.map((h: any) => h.kind)).toEqual(
      expect.arrayContaining(['RETURN_REQUESTED', 'RETURN_APPROVED', 'RETURN_RECEIVED', 'RETURN_REFUNDED']),
    );

    // The customer follows the status, never staff notes.
    const mine = await gateway.query(`{ myReturnRequests(first: 10) { edges { node { id status refunded { amount } } } } }`, {}, customer);
    expect(mine.body.data.myReturnRequests.edges.map((e: any) => e.node)).toContainEqual({ id, status: 'REFUNDED', refunded: { amount: unit } });
    const note = await gateway.query(`query ($id: ID!) { returnRequest(id: $id) { status staffNote } }`, { id }, customer);
    expect(note.body.data.returnRequest).toEqual({ status: 'REFUNDED', staffNote: null });
    expect(note.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const timeline = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { history { kind staff { id } } } }`, { id: order.id }, customer);
    const kinds = timeline.body.data.myOrder.history.map((h: any) => h.kind);
    expect(kinds).toContain('RETURN_APPROVED');
    expect(timeline.body.data.myOrder.history.every((h: any) => h.staff === null)).toBe(true);
  });

  it("a customer can't see or use another customer's requests", async () => {
    const order = await shippedOrder(1);
    const opened = await must(
      M.myCreate,
      { orderId: order.id, kind: 'EXCHANGE', reasonCode: 'WRONG_SIZE', note: 'Too small', lines: [{ orderLineId: order.lineId, quantity: 1 }] },
      customer,
    );
    const id = opened.returnRequest.id as string;
    const single = await gateway.query(`query ($id: ID!) { returnRequest(id: $id) { id customerNote } }`, { id }, otherCustomer);
    expect(single.body.data.returnRequest).toBeNull();
    const list = await gateway.query(`{ myReturnRequests(first: 50) { edges { node { id } } } }`, {}, otherCustomer);
    expect(list.body.data.myReturnRequests.edges.map((e: any) => e.node.id)).not.toContain(id);
    const staffList = await gateway.query(`{ returnRequests(first: 5) { totalCount } }`, {}, otherCustomer);
    expect(staffList.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const onTheirOrder = await gateway.query(M.myCreate, { input: { orderId: order.id, kind: 'RETURN', reasonCode: 'OTHER', lines: [{ orderLineId: order.lineId, quantity: 1 }] } }, otherCustomer);
    expect(onTheirOrder.body.data.myReturnRequestCreate.userErrors).toEqual([expect.objectContaining({ code: 'ORDER_NOT_FOUND', field: ['input', 'orderId'] })]);
  });

  it('bad input comes back as userErrors with field paths, and nothing is opened', async () => {
    const order = await shippedOrder(1);
    const { body } = await gateway.query(
      M.myCreate,
      { input: { orderId: order.id, kind: 'RETURN', reasonCode: 'CHANGED_MIND', note: 'x'.repeat(2001), lines: [{ orderLineId: order.lineId, quantity: 5 }] } },
      customer,
    );
    expect(body.data.myReturnRequestCreate).toMatchObject({ returnRequest: null, userErrors: [{ field: ['input', 'note'], code: 'INVALID_NOTE' }] });
    const tooMany = await gateway.query(
      M.myCreate,
      { input: { orderId: order.id, kind: 'RETURN', reasonCode: 'CHANGED_MIND', lines: [{ orderLineId: order.lineId, quantity: 5 }] } },
      customer,
    );
    expect(tooMany.body.data.myReturnRequestCreate.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'lines', '0', 'quantity'], code: 'INVALID_QUANTITY' }),
    ]);
    const amount = await gateway.query(M.refund, { input: { id: '00000000-0000-4000-8000-000000000000', amount: '1.00' } }, owner);
    expect(amount.body.data.returnRequestRefund.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    const count = await gateway.query(`query ($id: ID!) { returnRequests(first: 1, filter: { orderId: $id }) { totalCount } }`, { id: order.id }, owner);
    expect(count.body.data.returnRequests.totalCount).toBe(0);
  });

  it('20 concurrent refunds totalling more than the capture refund at most what was captured', async () => {
    const order = await shippedOrder(3);
    const opened = await must(M.create_, { orderId: order.id, kind: 'REFUND_ONLY', reasonCode: 'NOT_AS_DESCRIBED', lines: [{ orderLineId: order.lineId, quantity: 3 }] });
    const id = opened.returnRequest.id as string;
    await must(M.approve, { id });
    const totalMinor = Math.round(Number(order.total) * 100);
    // Each asks for just over a ninth of the whole: twenty of them ask for more than twice the capture.
    const eachMinor = Math.ceil(totalMinor / 9) + 1;
    const each = (eachMinor / 100).toFixed(2);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => gateway.query(M.refund, { input: { id, amount: each, includeShipping: true } }, owner)),
    );
    const ok = results.filter((r) => !r.body.errors && r.body.data.returnRequestRefund.userErrors.length === 0).length;
    const codes = new Set(results.flatMap((r) => r.body.data?.returnRequestRefund?.userErrors.map((e: any) => e.code) ?? ['ERROR']));
    expect(ok * eachMinor).toBeLessThanOrEqual(totalMinor);
    expect((ok + 1) * eachMinor).toBeGreaterThan(totalMinor);
    expect([...codes].every((c) => c === 'EXCEEDS_CAPTURED' || c === 'EXCEEDS_REQUEST')).toBe(true);
    const { body } = await gateway.query(`query ($id: ID!) { order(id: $id) { payments { capturedAmount { amount } refundedAmount { amount } } } }`, { id: order.id }, owner);
    const refundedMinor = body.data.order.payments.reduce((sum: number, p: any) => sum + Math.round(Number(p.refundedAmount.amount) * 100), 0);
    const capturedMinor = body.data.order.payments.reduce((sum: number, p: any) => sum + Math.round(Number(p.capturedAmount.amount) * 100), 0);
    expect(refundedMinor).toBe(ok * eachMinor);
    expect(refundedMinor).toBeLessThanOrEqual(capturedMinor);
  });
});

describe.each(['in-process', 'distributed'] as const)('after-sales photos, closing and shipments for customers (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;
  let operator: Record<string, string>;
  let analyst: Record<string, string>;
  let customer: Record<string, string>;
  let otherCustomer: Record<string, string>;
  let memberId: string;
  let variantId: string;

  async function must(query: string, input: Record<string, unknown>, headers = owner) {
    const { body } = await gateway.query(query, { input }, headers);
    const payload = Object.values(body.data ?? {})[0] as { userErrors?: unknown[] } | null;
    if (body.errors?.length || !payload || payload.userErrors?.length) throw new Error(`refused: ${JSON.stringify(body)}`);
    return payload as any;
  }

  /** A shipped order of the demo customer, fully paid, with its tracking number. */
  async function shippedOrder(quantity = 2): Promise<{ id: string; lineId: string; trackingNumber: string }> {
    const created = await must(M.create, { channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity }], address: uniqueAddress() });
    const order = created.order;
    const trackingNumber = `KE${Date.now()}${Math.floor(Math.random() * 1000)}`;
    await must(M.markPaid, { orderId: order.id, method: 'CASH' });
    await must(M.fulfil, { id: order.id });
    await must(M.ship, { id: order.id, carrier: 'Kerry', trackingNumber });
    return { id: order.id, lineId: order.lines[0].id, trackingNumber };
  }

  const origin = () => gateway.url.replace(/\/graphql$/, '');
  const upload = (body: Buffer, headers: Record<string, string>) =>
    fetch(`${origin()}/after-sales/photos`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: new Uint8Array(body) });
  /** Uploads an image that must be accepted; returns its id. */
  async function photo(headers: Record<string, string>, body: Buffer = PNG): Promise<string> {
    const response = await upload(body, headers);
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }
  const photosOf = (id: string, headers: Record<string, string>) =>
    gateway.query(`query ($id: ID!) { returnRequest(id: $id) { photos { id url expiresAt contentType byteSize } } }`, { id }, headers);
  const open = (orderId: string, lineId: string, photoIds: string[], headers: Record<string, string>) =>
    gateway.query(M.myCreate, { input: { orderId, kind: 'RETURN', reasonCode: 'QUALITY_DEFECT', lines: [{ orderLineId: lineId, quantity: 1 }], photoIds } }, headers);

  beforeAll(async () => {
    database = await createTestDatabase({ max: 20 });
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
    operator = bearer(await staffLogin(gateway, 'order_operator@shop.test', 'demo-order_operator-password'));
    // Analysts read orders but not contact data.
    analyst = bearer(await staffLogin(gateway, 'analyst@shop.test', 'demo-analyst-password'));
    customer = bearer(await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
    otherCustomer = bearer(await customerLogin(gateway, 'member2@example.test', 'demo-customer-password'));
    const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`);
    memberId = member!.id;
    const [variant] = await sellableVariants(database.db, 1);
    variantId = variant!.id;
    await setAvailable(database.db, variantId, 100_000);
    const rules = ['HIGH_TOTAL', 'REPEATED_ADDRESS', 'REPEATED_PHONE', 'INCOMPLETE_ADDRESS', 'PAYMENT_MISMATCH', 'FIRST_ORDER_HIGH_TOTAL'];
    await must(M.flagRules, { rules: rules.map((rule) => ({ rule, enabled: false })) });
  }, 300_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('a customer uploads photos, attaches them to their request, and reads them through signed links; no one else does', async () => {
    const order = await shippedOrder(1);
    const png = await photo(customer);
    const jpeg = await photo(customer, JPEG);
    const opened = await open(order.id, order.lineId, [png, jpeg], customer);
    expect(opened.body.data.myReturnRequestCreate.userErrors).toEqual([]);
    const id = opened.body.data.myReturnRequestCreate.returnRequest.id as string;

    const mine = await photosOf(id, customer);
    expect(mine.body.errors).toBeUndefined();
    const photos = mine.body.data.returnRequest.photos;
    expect(photos.map((p: any) => [p.id, p.contentType, p.byteSize])).toEqual([[png, 'image/png', PNG.length], [jpeg, 'image/jpeg', JPEG.length]]);
    const served = await fetch(`${origin()}${photos[0].url}`, { headers: customer });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    // The file sits in the private folder, never under the public /media route.
    expect(readdirSync(photoDir)).toContain(`${png}.png`);
    expect((await fetch(`${origin()}/media/${png}.png`)).status).toBe(404);

    // Staff who may read contact data see them; an analyst (orders:read only) does not, nor another customer.
    const staff = await photosOf(id, operator);
    expect(staff.body.data.returnRequest.photos).toHaveLength(2);
    expect((await fetch(`${origin()}${staff.body.data.returnRequest.photos[1].url}`, { headers: operator })).status).toBe(200);
    const denied = await photosOf(id, analyst);
    expect(denied.body.data.returnRequest.photos).toBeNull();
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await fetch(`${origin()}${photos[0].url}`, { headers: analyst })).status).toBe(404);
    const stranger = await photosOf(id, otherCustomer);
    expect(stranger.body.data.returnRequest).toBeNull();
    expect((await fetch(`${origin()}${photos[0].url}`, { headers: otherCustomer })).status).toBe(404);
    expect((await fetch(`${origin()}${photos[0].url}`)).status).toBe(404);
  });

  it('a link does not outlive its time nor open another photo, and a forged one is refused', async () => {
    const order = await shippedOrder(1);
    const id = await photo(customer);
    const other = await photo(customer);
    const opened = await open(order.id, order.lineId, [id, other], customer);
    const requestId = opened.body.data.myReturnRequestCreate.returnRequest.id as string;
    const { body } = await photosOf(requestId, customer);
    const url = new URL(body.data.returnRequest.photos[0].url, origin());
    expect(new Date(body.data.returnRequest.photos[0].expiresAt).getTime()).toBeGreaterThan(Date.now());

    // Signed by the same secret and purpose, but its ten minutes ended a minute ago.
    const expired = signedLinks('return-photo', 10 * 60_000).sign(id, Date.now() - 11 * 60_000).query;
    const old = await fetch(`${origin()}/after-sales/photos/${id}?${expired}`, { headers: customer });
    expect(old.status).toBe(410);
    expect(((await old.json()) as any).code).toBe('LINK_EXPIRED');
    const stretched = new URL(url);
    stretched.searchParams.set('expires', String(Date.now() + 86_400_000));
    expect((await fetch(stretched, { headers: customer })).status).toBe(403);
    expect((await fetch(`${origin()}/after-sales/photos/${other}${url.search}`, { headers: customer })).status).toBe(403);
    expect((await fetch(`${origin()}/after-sales/photos/${id}`, { headers: customer })).status).toBe(403);
  });

  it('refuses what is not a JPEG, PNG or WebP, more than 10 MB, and callers who may not upload', async () => {
    const gif = await upload(GIF, customer);
    expect(gif.status).toBe(415);
    expect(await gif.json()).toEqual({ error: 'Only JPEG, PNG and WebP images are accepted.', code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await upload(Buffer.from('<svg onload="alert(1)"/>'), customer)).status).toBe(415);
    expect((await upload(PNG, {})).status).toBe(403);
    expect((await upload(PNG, analyst)).status).toBe(403);
    // Its own connection: the gateway answers before reading the rest.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${origin()}/after-sales/photos`, { method: 'POST', agent: false, headers: { ...customer, 'content-type': 'image/png' } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on('error', reject);
      request.end(Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]));
    });
    expect(status).toBe(413);
    const [{ n }] = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from orders.return_photo where byte_size > ${MAX_PHOTO_BYTES}`)) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });

  it("only the caller's own unattached uploads, at most 5, attach; a refusal opens nothing; staff attach their own", async () => {
    const order = await shippedOrder(2);
    const theirs = await photo(otherCustomer);
    const refused = await open(order.id, order.lineId, [theirs], customer);
    expect(refused.body.data.myReturnRequestCreate).toEqual({
      returnRequest: null,
      userErrors: [expect.objectContaining({ code: 'PHOTO_NOT_FOUND', field: ['input', 'photoIds', '0'] })],
    });
    const six = await Promise.all(Array.from({ length: 6 }, () => photo(customer)));
    const tooMany = await open(order.id, order.lineId, six, customer);
    expect(tooMany.body.data.myReturnRequestCreate.userErrors).toEqual([expect.objectContaining({ code: 'TOO_MANY_PHOTOS', field: ['input', 'photoIds'] })]);
    const twice = await open(order.id, order.lineId, [six[0], six[0]], customer);
    expect(twice.body.data.myReturnRequestCreate.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_PHOTO', field: ['input', 'photoIds', '1'] })]);
    const bad = await open(order.id, order.lineId, ['not-an-id'], customer);
    expect(bad.body.data.myReturnRequestCreate.userErrors).toEqual([expect.objectContaining({ code: 'PHOTO_NOT_FOUND' })]);
    const count = await gateway.query(`query ($id: ID!) { returnRequests(first: 1, filter: { orderId: $id }) { totalCount } }`, { id: order.id }, owner);
    expect(count.body.data.returnRequests.totalCount).toBe(0);

    // Two requests racing for the same upload: one gets it.
    const second = await shippedOrder(2);
    const shared = six[1]!;
    const raced = await Promise.all([open(order.id, order.lineId, [shared], customer), open(second.id, second.lineId, [shared], customer)]);
    const accepted = raced.filter((r) => r.body.data.myReturnRequestCreate.userErrors.length === 0);
    expect(accepted).toHaveLength(1);
    const used = await open(order.id, order.lineId, [shared], customer);
    expect(used.body.data.myReturnRequestCreate.userErrors[0].code).toBe('PHOTO_NOT_FOUND');

    // Staff with orders:write upload for the customer (photos sent by e-mail) and attach their own uploads.
    const third = await shippedOrder(1);
    const staffPhoto = await photo(operator);
    const staffOpened = await gateway.query(
      `mutation ($input: ReturnRequestCreateInput!) { returnRequestCreate(input: $input) { returnRequest { id photos { id } } userErrors { field code } } }`,
      { input: { orderId: third.id, kind: 'RETURN', reasonCode: 'DAMAGED_IN_TRANSIT', lines: [{ orderLineId: third.lineId, quantity: 1 }], photoIds: [staffPhoto] } },
      operator,
    );
    expect(staffOpened.body.data.returnRequestCreate).toMatchObject({ returnRequest: { photos: [{ id: staffPhoto }] }, userErrors: [] });
  });

  it('the hourly job removes uploads left unattached for a day, files included, and keeps attached ones', async () => {
    const stale = await photo(customer);
    const fresh = await photo(customer);
    await database.db.execute(sql`update orders.return_photo set created_at = now() - interval '25 hours' where id = ${stale}`);
    await purgeUnattachedPhotos({}, database.db);
    const rows = await database.db.execute<{ id: string }>(sql`select id from orders.return_photo where id in (${stale}, ${fresh})`);
    expect(rows.map((r) => r.id)).toEqual([fresh]);
    expect(readdirSync(photoDir)).not.toContain(`${stale}.png`);
    expect(readdirSync(photoDir)).toContain(`${fresh}.png`);
  });

  it("a member's privacy erase removes their photos, files included", async () => {
    const theirs = await photo(otherCustomer);
    const [member] = await database.db.execute<{ id: string }>(sql`select id from members.member where email = 'member2@example.test'`);
    await database.db.transaction((tx) => erasePhotosOf(tx, member!.id));
    const rows = await database.db.execute(sql`select id from orders.return_photo where id = ${theirs}`);
    expect(rows).toHaveLength(0);
    expect(readdirSync(photoDir)).not.toContain(`${theirs}.png`);
  });

  it('staff close a request that will not go on, from the states that allow it; the customer withdraws theirs while REQUESTED', async () => {
    const order = await shippedOrder(3);
    const openOne = async () => (await must(M.create_, { orderId: order.id, kind: 'RETURN', reasonCode: 'CHANGED_MIND', lines: [{ orderLineId: order.lineId, quantity: 1 }] })).returnRequest.id as string;
    const approvedId = await openOne();
    await must(M.approve, { id: approvedId });
    const noNote = await gateway.query(M.close, { input: { id: approvedId, reason: 'NO_REPLY', note: '  ' } }, operator);
    expect(noNote.body.data.returnRequestClose.userErrors).toEqual([expect.objectContaining({ code: 'NOTE_REQUIRED', field: ['input', 'note'] })]);
    const closed = await must(M.close, { id: approvedId, reason: 'NO_REPLY', note: 'No parcel after 30 days' }, operator);
    expect(closed.returnRequest).toEqual({ id: approvedId, status: 'CLOSED', closeReason: 'NO_REPLY', staffNote: 'No parcel after 30 days' });
    const again = await gateway.query(M.close, { input: { id: approvedId, reason: 'OTHER', note: 'x' } }, operator);
    expect(again.body.data.returnRequestClose.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'id'] })]);
    const rejectedId = await openOne();
    await must(M.reject, { id: rejectedId, note: 'Outside the window' });
    const fromRejected = await gateway.query(M.close, { input: { id: rejectedId, reason: 'OTHER', note: 'x' } }, operator);
    expect(fromRejected.body.data.returnRequestClose.userErrors[0].code).toBe('INVALID_STATE');
    const forbidden = await gateway.query(M.close, { input: { id: rejectedId, reason: 'OTHER', note: 'x' } }, analyst);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');

    // The closed request (nothing came back) and the rejected one free their units: all 3 may be claimed again.
    // The customer withdraws theirs, once.
    const mineId = (await must(M.myCreate, { orderId: order.id, kind: 'EXCHANGE', reasonCode: 'WRONG_SIZE', lines: [{ orderLineId: order.lineId, quantity: 3 }] }, customer)).returnRequest.id;
    const notTheirs = await gateway.query(M.myCancel, { input: { id: mineId } }, otherCustomer);
    expect(notTheirs.body.data.myReturnRequestCancel.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    const cancelled = await must(M.myCancel, { id: mineId }, customer);
    expect(cancelled.returnRequest).toEqual({ id: mineId, status: 'CLOSED', closeReason: 'CUSTOMER_WITHDREW' });
    const twice = await gateway.query(M.myCancel, { input: { id: mineId } }, customer);
    expect(twice.body.data.myReturnRequestCancel.userErrors[0].code).toBe('INVALID_STATE');
    const staffCancel = await gateway.query(M.myCancel, { input: { id: mineId } }, owner);
    expect(staffCancel.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const { body } = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { history { kind actorKind note } } }`, { id: order.id }, customer);
    const closes = body.data.myOrder.history.filter((h: any) => h.kind === 'RETURN_CLOSED');
    expect(closes.map((h: any) => h.actorKind)).toEqual(['STAFF', 'CUSTOMER']);
    expect(closes.every((h: any) => h.note === null)).toBe(true);
  });

  it('a refunded request cannot be closed', async () => {
    const order = await shippedOrder(1);
    const id = (await must(M.create_, { orderId: order.id, kind: 'REFUND_ONLY', reasonCode: 'NOT_AS_DESCRIBED', lines: [{ orderLineId: order.lineId, quantity: 1 }] })).returnRequest.id;
    await must(M.approve, { id });
    await must(M.refund, { id, amount: '1.00' });
    const { body } = await gateway.query(M.close, { input: { id, reason: 'OTHER', note: 'Done' } }, owner);
    expect(body.data.returnRequestClose.userErrors[0]).toMatchObject({ code: 'INVALID_STATE', field: ['input', 'id'] });
  });

  it("the order's customer follows its shipments (carrier, tracking, events, lines) but never the warehouse, parcel, lots or who reported", async () => {
    const order = await shippedOrder(1);
    const { body: staffView } = await gateway.query(`query ($id: ID!) { order(id: $id) { shipments { id } } }`, { id: order.id }, owner);
    const shipmentId = staffView.data.order.shipments[0].id as string;
    await must(
      `mutation ($input: ShipmentTrackingEventAddInput!) { shipmentTrackingEventAdd(input: $input) { shipment { id } userErrors { code } } }`,
      { shipmentId, status: 'IN_TRANSIT', location: 'Bangkok hub' },
    );
    const safe = `query ($id: ID!) { myOrder(id: $id) { shipments { number status carrier { name } service trackingNumber trackingUrl shippedAt deliveredAt
      lines { sku title quantity } events { status occurredAt location } } } }`;
    const { body } = await gateway.query(safe, { id: order.id }, customer);
    expect(body.errors).toBeUndefined();
    const [shipment] = body.data.myOrder.shipments;
    expect(shipment).toMatchObject({ status: 'IN_TRANSIT', carrier: { name: 'Kerry Express' }, trackingNumber: order.trackingNumber, lines: [{ quantity: 1 }] });
    expect(shipment.shippedAt).toEqual(expect.any(String));
    expect(shipment.events).toContainEqual(expect.objectContaining({ status: 'IN_TRANSIT', location: 'Bangkok hub' }));

    for (const field of ['warehouse { id }', 'parcel { id }', 'lines { lotCode }', 'events { source }']) {
      const denied = await gateway.query(`query ($id: ID!) { myOrder(id: $id) { shipments { number ${field} } } }`, { id: order.id }, customer);
      expect(denied.body.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
    }
    const staffOnly = await gateway.query(`query ($id: ID!) { order(id: $id) { shipments { warehouse { id } lines { lotCode } events { source } } } }`, { id: order.id }, owner);
    expect(staffOnly.body.errors).toBeUndefined();
    // Another customer reaches neither the order nor its shipments.
    const stranger = await gateway.query(`query ($id: ID!) { order(id: $id) { shipments { trackingNumber } } }`, { id: order.id }, otherCustomer);
    expect(stranger.body.data?.order ?? null).toBeNull();
    const anonymous = await gateway.query(`query ($id: ID!) { order(id: $id) { shipments { trackingNumber } } }`, { id: order.id });
    expect(anonymous.body.data?.order ?? null).toBeNull();
  });
});
