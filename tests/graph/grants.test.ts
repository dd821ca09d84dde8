import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

const PASSWORD = 'a long enough password';

const STAFF_CREATE = `mutation ($input: StaffCreateInput!) { staffCreate(input: $input) { staff { id } userErrors { code field } } }`;
const STAFF_UPDATE = `mutation ($input: StaffUpdateInput!) { staffUpdate(input: $input) { staff { id } userErrors { code field } } }`;
const STAFF_DISABLE = `mutation ($input: StaffDisableInput!) { staffDisable(input: $input) { staff { id } userErrors { code } } }`;
const ROLE_CREATE = `mutation ($input: RoleCreateInput!) { roleCreate(input: $input) { role { id } userErrors { code field } } }`;
const ROLE_UPDATE = `mutation ($input: RoleUpdateInput!) { roleUpdate(input: $input) { role { id } userErrors { code field } } }`;
const KEY_CREATE = `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret apiKey { id } userErrors { code field } } }`;

describe.each(['in-process', 'distributed'] as const)('granting roles and scopes (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let owner: Record<string, string>;

  const signIn = async (email: string, password: string) => ({
    authorization: `Bearer ${await staffLogin(gateway, email, password)}`,
  });
  const stepUp = async (headers: Record<string, string>, password: string) => {
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password } },
      headers,
    );
    return { ...headers, 'x-step-up': body.data.stepUpConfirm.stepUpToken as string };
  };
  const staffCount = async () =>
    (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from access.staff`))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    gateway = await startTestGateway(mode, database.db);
    owner = await stepUp(await signIn('owner@shop.test', 'demo-owner-password'), 'demo-owner-password');
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('an admin without a step-up cannot create an admin account (the first step of the escalation)', async () => {
    const admin = await signIn('admin@shop.test', 'demo-admin-password');
    const before = await staffCount();
    const { body } = await gateway.query(
      STAFF_CREATE,
      { input: { email: `second-admin-${mode}@shop.test`, displayName: 'Second admin', password: PASSWORD, roles: ['admin'] } },
      admin,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
    expect(body.data?.staffCreate ?? null).toBeNull();
    expect(await staffCount()).toBe(before);
    // Nor can it sign in as such an account: there is none.
    const login = await gateway.query(
      `mutation ($input: StaffLoginInput!) { staffLogin(input: $input) { token userErrors { code } } }`,
      { input: { email: `second-admin-${mode}@shop.test`, password: PASSWORD } },
    );
    expect(login.body.data.staffLogin).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('an admin with a step-up may grant any role but owner', async () => {
    const admin = await stepUp(await signIn('admin@shop.test', 'demo-admin-password'), 'demo-admin-password');
    const asOwner = await gateway.query(
      STAFF_CREATE,
      { input: { email: `new-owner-${mode}@shop.test`, displayName: 'New owner', password: PASSWORD, roles: ['owner'] } },
      admin,
    );
    expect(asOwner.body.data.staffCreate).toMatchObject({ staff: null, userErrors: [{ code: 'OWNER_REQUIRED' }] });
    const asAdmin = await gateway.query(
      STAFF_CREATE,
      { input: { email: `new-admin-${mode}@shop.test`, displayName: 'New admin', password: PASSWORD, roles: ['admin'] } },
      admin,
    );
    expect(asAdmin.body.data.staffCreate.userErrors).toEqual([]);
  });

  it('nobody grants a scope they do not hold: not to a new account, a role, themselves or an API key', async () => {
    // A custom role with access:admin and little else: the holder administers access within what they hold.
    const made = await gateway.query(
      ROLE_CREATE,
      { input: { name: `key_admin_${mode.replace('-', '_')}`, title: 'Key admin', scopes: ['access:admin', 'catalog:read'] } },
      owner,
    );
    const roleName = `key_admin_${mode.replace('-', '_')}`;
    expect(made.body.data.roleCreate.userErrors).toEqual([]);
    const created = await gateway.query(
      STAFF_CREATE,
      { input: { email: `key-admin-${mode}@shop.test`, displayName: 'Key admin', password: PASSWORD, roles: [roleName] } },
      owner,
    );
    const keyAdminId = created.body.data.staffCreate.staff.id as string;
    const keyAdmin = await stepUp(await signIn(`key-admin-${mode}@shop.test`, PASSWORD), PASSWORD);
    const before = await staffCount();

    const newAdmin = await gateway.query(
      STAFF_CREATE,
      { input: { email: `escalated-${mode}@shop.test`, displayName: 'Escalated', password: PASSWORD, roles: ['analyst', 'admin'] } },
      keyAdmin,
    );
    expect(newAdmin.body.data.staffCreate).toMatchObject({
      staff: null,
      userErrors: [
        { code: 'SCOPE_NOT_HELD', field: ['input', 'roles', '0'] },
        { code: 'SCOPE_NOT_HELD', field: ['input', 'roles', '1'] },
      ],
    });
    expect(await staffCount()).toBe(before);

    const self = await gateway.query(STAFF_UPDATE, { input: { id: keyAdminId, roles: [roleName, 'customer_service'] } }, keyAdmin);
    expect(self.body.data.staffUpdate).toMatchObject({ staff: null, userErrors: [{ code: 'SCOPE_NOT_HELD' }] });

    const wideRole = await gateway.query(
      ROLE_CREATE,
      { input: { name: `wide_${mode.replace('-', '_')}`, title: 'Wide', scopes: ['catalog:read', 'orders:refund'] } },
      keyAdmin,
    );
    expect(wideRole.body.data.roleCreate).toMatchObject({ role: null, userErrors: [{ code: 'SCOPE_NOT_HELD', field: ['input', 'scopes'] }] });

    const widened = await gateway.query(
      ROLE_UPDATE,
      { input: { id: made.body.data.roleCreate.role.id, scopes: ['access:admin', 'catalog:read', 'catalog:write'] } },
      keyAdmin,
    );
    expect(widened.body.data.roleUpdate).toMatchObject({ role: null, userErrors: [{ code: 'SCOPE_NOT_HELD' }] });

    const wideKey = await gateway.query(KEY_CREATE, { input: { name: 'wide', scopes: ['catalog:read', 'orders:read'] } }, keyAdmin);
    expect(wideKey.body.data.apiKeyCreate).toMatchObject({ secret: null, userErrors: [{ code: 'SCOPE_NOT_HELD' }] });

    const narrowKey = await gateway.query(KEY_CREATE, { input: { name: 'narrow', scopes: ['catalog:read'] } }, keyAdmin);
    expect(narrowKey.body.data.apiKeyCreate.userErrors).toEqual([]);
    const roles = await database.db.execute<{ scopes: string[] }>(sql`select scopes from access.role where name = ${roleName}`);
    expect(roles[0]!.scopes).toEqual(['access:admin', 'catalog:read']);
  });

  it("disabling a staff member revokes the API keys they created; enabling the account again does not bring them back", async () => {
    const email = `key-maker-${mode}@shop.test`;
    const created = await gateway.query(
      STAFF_CREATE,
      { input: { email, displayName: 'Key maker', password: PASSWORD, roles: ['admin'] } },
      owner,
    );
    const makerId = created.body.data.staffCreate.staff.id as string;
    const maker = await stepUp(await signIn(email, PASSWORD), PASSWORD);
    const key = await gateway.query(KEY_CREATE, { input: { name: 'maker key', scopes: ['catalog:read'] } }, maker);
    const partner = { authorization: `Bearer ${key.body.data.apiKeyCreate.secret}` };
    const probe = () => gateway.query(`{ products(first: 1) { totalCount } }`, {}, partner);
    expect((await probe()).status).toBe(200);

    const disabled = await gateway.query(STAFF_DISABLE, { input: { id: makerId } }, owner);
    expect(disabled.body.data.staffDisable.userErrors).toEqual([]);
    const refused = await probe();
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const [row] = await database.db.execute<{ revoked: boolean }>(
      sql`select revoked_at is not null as revoked from access.api_key where id = ${key.body.data.apiKeyCreate.apiKey.id}`,
    );
    expect(row!.revoked).toBe(true);
    expect((await gateway.query(`{ me { id } }`, {}, maker)).status).toBe(401);

    await database.db.execute(sql`update access.staff set disabled = false where id = ${makerId}`);
    expect((await probe()).status).toBe(401);
  });

  it('a key whose creator is disabled stops authenticating even if it was never revoked (accounts disabled before revocation existed)', async () => {
    const email = `legacy-${mode}@shop.test`;
    const created = await gateway.query(
      STAFF_CREATE,
      { input: { email, displayName: 'Legacy', password: PASSWORD, roles: ['admin'] } },
      owner,
    );
    const maker = await stepUp(await signIn(email, PASSWORD), PASSWORD);
    const key = await gateway.query(KEY_CREATE, { input: { name: 'legacy key', scopes: ['catalog:read'] } }, maker);
    const partner = { authorization: `Bearer ${key.body.data.apiKeyCreate.secret}` };
    await database.db.execute(sql`update access.staff set disabled = true where id = ${created.body.data.staffCreate.staff.id}`);
    expect((await gateway.query(`{ products(first: 1) { totalCount } }`, {}, partner)).status).toBe(401);
  });
});
