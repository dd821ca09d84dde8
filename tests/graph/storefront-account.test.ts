import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { members } from '@shop/members';
import { orders } from '@shop/orders';
import { sellableVariants, setAvailable } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { ownerHeaders } from '../kit/callers.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { readOutbox, useTestOutbox } from '../kit/outbox.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';

/**
 * A storefront customer's account through the gateway: sign up, an address,
 * a guest cart that becomes theirs on sign-in (after the job), the wishlist,
 * a guest cart checked out while signed in, and a password reset by the token
 * read from the outbox file (old sessions refused, the token used once).
 */
const outbox = useTestOutbox();
const TASKS = { ...members.tasks, ...orders.tasks };

const SIGN_UP = `mutation ($input: CustomerSignUpInput!) { customerSignUp(input: $input) { token userErrors { code } } }`;
const LOGIN = `mutation ($input: CustomerLoginInput!) { customerLogin(input: $input) { token userErrors { code } } }`;
const CART_CREATE = `mutation ($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`;
const RESET_REQUEST = `mutation ($i: CustomerPasswordResetRequestInput!) { customerPasswordResetRequest(input: $i) { userErrors { code } } }`;
const RESET = `mutation ($i: CustomerPasswordResetInput!) { customerPasswordReset(input: $i) { userErrors { field code message } } }`;

describe.each(['in-process', 'distributed'] as const)('storefront account (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  const email = `storefront.${mode}@example.test`;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Runs every queued job of the given tasks as the worker would, oldest first. */
  async function runJobs(...tasks: string[]) {
    const jobs = await database.db.execute<{ id: string; task: string; payload: unknown }>(sql`
      select j.id::text, t.identifier as task, j.payload from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = any(${sql.param(tasks)}::text[]) order by j.id`);
    for (const job of jobs) {
      await TASKS[job.task]!(job.payload, database.db);
      await database.db.execute(sql`delete from graphile_worker._private_jobs where id = ${job.id}::bigint`);
    }
    return jobs.length;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('signs up, saves an address, and a guest cart becomes theirs on sign-in once the job ran', async () => {
    const signUp = await gateway.query(SIGN_UP, { input: { email, password: 'first password 123', displayName: 'สมหญิง Storefront' } });
    expect(signUp.body.data.customerSignUp.userErrors).toEqual([]);
    const firstSession = signUp.body.data.customerSignUp.token as string;

    const address = await gateway.query(
      `mutation ($input: MyAddressAddInput!) { myAddressAdd(input: $input) { address { id isDefault } userErrors { code } } }`,
      { input: { address: { name: 'สมหญิง', phone: '081 234 5678', line1: '1 Sukhumvit', city: 'Bangkok', postalCode: '10110', country: 'TH' } } },
      auth(firstSession),
    );
    expect(address.body.data.myAddressAdd).toMatchObject({ address: { isDefault: true }, userErrors: [] });

    const [variant] = await sellableVariants(database.db, 1, mode === 'in-process' ? 0 : 1);
    const guestCart = await gateway.query(CART_CREATE, { input: { channel: 'ONLINE_STORE', lines: [{ variantId: variant!.id, quantity: 2 }] } });
    const cartId = guestCart.body.data.cartCreate.cart.id as string;

    const login = await gateway.query(LOGIN, { input: { email, password: 'first password 123', guestCartId: cartId } });
    expect(login.body.data.customerLogin.userErrors).toEqual([]);
    const secondSession = login.body.data.customerLogin.token as string;
    const [job] = await database.db.execute<{ payload: Record<string, unknown> }>(sql`
      select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'orders.cartAttachToMember'`);
    expect(Object.keys(job!.payload).sort()).toEqual(['cartId', 'memberId']);
    expect(await runJobs('orders.cartAttachToMember')).toBe(1);

    const asMember = await gateway.query(`{ cart(id: "${cartId}") { id lines { quantity } } }`, {}, auth(secondSession));
    expect(asMember.body.data.cart).toMatchObject({ id: cartId, lines: [{ quantity: 2 }] });
    // The guest's bare id no longer opens it: the cart is the member's.
    const asGuest = await gateway.query(`{ cart(id: "${cartId}") { id } }`);
    expect(asGuest.body.data?.cart ?? null).toBeNull();
    const [owner] = await database.db.execute<{ email: string }>(sql`
      select m.email from orders.cart c join members.member m on m.id = c.member_id where c.id = ${cartId}`);
    expect(owner!.email).toBe(email);
  });

  it('keeps a wishlist of catalog products, idempotent, and staff with members:read see it on the member', async () => {
    const { body: login } = await gateway.query(LOGIN, { input: { email, password: 'first password 123' } });
    const session = auth(login.data.customerLogin.token);
    const [product] = await database.db.execute<{ id: string; title: string }>(sql`select id, title from products.product where status = 'ACTIVE' order by id limit 1`);
    const add = `mutation ($input: MyWishlistAddInput!) { myWishlistAdd(input: $input) { item { id product { id title } } userErrors { code } } }`;
    const first = await gateway.query(add, { input: { productId: product!.id } }, session);
    const again = await gateway.query(add, { input: { productId: product!.id } }, session);
    expect(first.body.data.myWishlistAdd.item.product).toMatchObject({ id: product!.id });
    expect(again.body.data.myWishlistAdd.item.id).toBe(first.body.data.myWishlistAdd.item.id);
    const list = await gateway.query(`{ myWishlist(first: 10) { totalCount edges { node { product { id title } } } } }`, {}, session);
    expect(list.body.data.myWishlist).toMatchObject({ totalCount: 1, edges: [{ node: { product: { id: product!.id, title: product!.title } } }] });
    const { body: profile } = await gateway.query(`{ myProfile { member { id } } }`, {}, session);
    const staffView = await gateway.query(
      `{ member(id: "${profile.data.myProfile.member.id}") { wishlist(first: 5) { totalCount edges { node { product { id } } } } } }`,
      {},
      await ownerHeaders(gateway),
    );
    expect(staffView.body.data.member.wishlist).toMatchObject({ totalCount: 1, edges: [{ node: { product: { id: product!.id } } }] });
    const anonymous = await gateway.query(`{ myWishlist(first: 10) { totalCount } }`);
    expect(anonymous.body.data?.myWishlist ?? null).toBeNull();
    const removed = await gateway.query(
      `mutation ($input: MyWishlistRemoveInput!) { myWishlistRemove(input: $input) { removed userErrors { code } } }`,
      { input: { productId: product!.id } },
      session,
    );
    expect(removed.body.data.myWishlistRemove).toEqual({ removed: true, userErrors: [] });
  });

  it('a guest cart checked out by a signed-in customer places their order', async () => {
    const { body: login } = await gateway.query(LOGIN, { input: { email, password: 'first password 123' } });
    const session = auth(login.data.customerLogin.token);
    const [variant] = await sellableVariants(database.db, 1, mode === 'in-process' ? 2 : 3);
    await setAvailable(database.db, variant!.id, 10);
    const guestCart = await gateway.query(CART_CREATE, { input: { channel: 'MOBILE_APP', lines: [{ variantId: variant!.id, quantity: 1 }] } });
    const { body } = await gateway.query(
      `mutation ($input: CheckoutCompleteInput!) { checkoutComplete(input: $input) { order { id } userErrors { code message } } }`,
      { input: { cartId: guestCart.body.data.cartCreate.cart.id, idempotencyKey: randomUUID() } },
      session,
    );
    expect(body.data.checkoutComplete.userErrors).toEqual([]);
    const mine = await gateway.query(`{ myOrders(first: 10) { edges { node { id } } } }`, {}, session);
    expect(mine.body.data.myOrders.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(body.data.checkoutComplete.order.id);
  });

  it('resets the password with the e-mailed token: old sessions refused, the token works once, nothing secret in the audit log', async () => {
    const { body: before } = await gateway.query(LOGIN, { input: { email, password: 'first password 123' } });
    const oldSession = auth(before.data.customerLogin.token);

    const unknown = await gateway.query(RESET_REQUEST, { i: { email: `nobody.${mode}@example.test` } });
    const known = await gateway.query(RESET_REQUEST, { i: { email: email.toUpperCase() } });
    // The same answer (the cost extension differs only by the bucket's refill between the two calls).
    expect({ data: known.body.data, errors: known.body.errors }).toEqual({ data: unknown.body.data, errors: unknown.body.errors });
    expect(known.body.data.customerPasswordResetRequest).toEqual({ userErrors: [] });

    const sentBefore = readOutbox(outbox).length;
    expect(await runJobs('members.passwordResetSend')).toBe(1);
    const mail = readOutbox(outbox).slice(sentBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe(email);
    const token = /prt_[A-Za-z0-9_-]+/.exec(mail[0]!.text)![0];

    const weak = await gateway.query(RESET, { i: { token, newPassword: 'short' } });
    expect(weak.body.data.customerPasswordReset.userErrors).toMatchObject([{ code: 'WEAK_PASSWORD', field: ['input', 'newPassword'] }]);
    const done = await gateway.query(`mutation { customerPasswordReset(input: { token: "${token}", newPassword: "second password 456" }) { userErrors { code } } }`);
    expect(done.body.data.customerPasswordReset).toEqual({ userErrors: [] });

    const refused = await gateway.query(`{ myProfile { email } }`, {}, oldSession);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reused = await gateway.query(RESET, { i: { token, newPassword: 'third password 789' } });
    expect(reused.body.data.customerPasswordReset.userErrors).toMatchObject([{ code: 'INVALID_TOKEN' }]);
    const oldPassword = await gateway.query(LOGIN, { input: { email, password: 'first password 123' } });
    expect(oldPassword.body.data.customerLogin.userErrors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    const newPassword = await gateway.query(LOGIN, { input: { email, password: 'second password 456' } });
    expect(newPassword.body.data.customerLogin.userErrors).toEqual([]);

    const [audit] = await database.db.execute<{ text: string; rows: number }>(sql`
      select coalesce(string_agg(t::text, ' '), '') as text, count(*)::int as rows from access.audit_log t
      where t.root_fields::text like '%customerPasswordReset%'`);
    expect(audit!.rows).toBeGreaterThanOrEqual(4);
    for (const secret of [token, 'second password 456', 'short', email, email.toUpperCase()]) expect(audit!.text).not.toContain(secret);
    const jobs = await database.db.execute(sql`select payload::text from graphile_worker._private_jobs`);
    expect(JSON.stringify(jobs)).not.toContain(token);
  });
});
