// Demo data for access: the owner, demo staff and a partner API key.
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { BUILT_IN_ROLES } from '../../../schema/scopes.js';
import { ensureBuiltInRoles } from './commands.js';
import { apiKeyPrefix } from './api-keys/index.js';
import { hashPassword, tokenHash } from '@shop/kit/secrets';
import { apiKey, role, staff, staffRole } from './tables.js';

export const OWNER_EMAIL = 'owner@shop.test';

const DISPLAY_NAMES: Record<string, string> = {
  owner: 'Shop Owner',
  admin: 'Niran Wongsakul',
  catalog_manager: 'Li Wei',
  inventory_clerk: 'Somchai Preecha',
  order_operator: 'Chen Mei-ling',
  customer_service: 'Layla Haddad',
  marketing: 'Ploy Srisuk',
  analyst: 'Omar Farouk',
  auditor: 'Anna Keller',
};

/**
 * The demo sign-ins, one per built-in role: `<role>@shop.test` with password
 * `demo-<role>-password`. Public on purpose: the demo seed runs only for the
 * embedded database, and the README and tests sign in with these.
 */
export const DEMO_STAFF = Object.fromEntries(
  Object.keys(BUILT_IN_ROLES).map((name) => [
    name,
    { email: `${name}@shop.test`, password: `demo-${name}-password`, displayName: DISPLAY_NAMES[name] ?? name },
  ]),
) as Record<keyof typeof BUILT_IN_ROLES, { email: string; password: string; displayName: string }>;

/** The demo partner key: a fixed secret, so the playground and the docs can name it. */
export const DEMO_PARTNER_KEY = {
  name: 'Demo partner',
  secret: 'spk_demo_partner_key_0000000000000000000000000',
  scopes: ['catalog:read', 'stock:read', 'orders:read', 'schema:read'],
} as const;

/**
 * Writes the built-in roles (again, after a --reset), one staff account per
 * built-in role with its demo password, and the demo partner key. The plan
 * holds no staff; the parameter keeps every domain's seed alike.
 */
export async function seed(tx: Db, _plan: DemoPlan): Promise<void> {
  await ensureBuiltInRoles(tx);
  const accounts = await Promise.all(
    Object.entries(DEMO_STAFF).map(async ([roleName, account]) => ({
      roleName,
      email: account.email,
      displayName: account.displayName,
      passwordHash: await hashPassword(account.password),
    })),
  );
  const rows = await tx
    .insert(staff)
    .values(accounts.map(({ email, displayName, passwordHash }) => ({ email, displayName, passwordHash })))
    .returning({ id: staff.id, email: staff.email });
  const roleIds = new Map(
    (await tx.select({ id: role.id, name: role.name }).from(role).where(eq(role.builtIn, true))).map((r) => [r.name, r.id]),
  );
  const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
  await tx
    .insert(staffRole)
    .values(accounts.map((a) => ({ staffId: idByEmail.get(a.email)!, roleId: roleIds.get(a.roleName)! })));
  await tx.insert(apiKey).values({
    name: DEMO_PARTNER_KEY.name,
    prefix: apiKeyPrefix(DEMO_PARTNER_KEY.secret),
    secretHash: tokenHash(DEMO_PARTNER_KEY.secret),
    scopes: [...DEMO_PARTNER_KEY.scopes].sort(),
  });
}
