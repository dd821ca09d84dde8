// Staff accounts: creating, changing and disabling them, their roles, and the staff list.
import { and, asc, count, eq, ilike, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  anyId,
  changeOf,
  connectionOf,
  fail,
  isId,
  ok,
  userError,
  type ChangeRecord,
  type ConnectionArgs,
  type Db,
  type Principal,
} from '@shop/kit';
import { hashPassword } from '@shop/kit/secrets';
import {
  checkText,
  isOwner,
  notHeldError,
  OWNER_ROLE,
  scopesNotHeld,
  scopesOfRole,
  staffIdOf,
  type AccessError,
  type AccessResult,
} from '../service.js';
import { apiKey, role, session, staff, staffRole, type StaffRow } from '../tables.js';

const MIN_PASSWORD_LENGTH = 12;
// Argon2 takes any length; the cap only keeps a request from making it hash megabytes.
const MAX_PASSWORD_LENGTH = 256;

/** Every staff column but the password hash, which never leaves this module's queries. */
export const staffColumns = {
  id: staff.id,
  email: staff.email,
  displayName: staff.displayName,
  locale: staff.locale,
  disabled: staff.disabled,
  lastLoginAt: staff.lastLoginAt,
  createdAt: staff.createdAt,
  updatedAt: staff.updatedAt,
};
export type Staff = Omit<StaffRow, 'passwordHash'>;

/** SCOPE_NOT_HELD for each granted role that carries a scope the caller lacks, by its index in `roles`. */
async function checkGrantableRoles(tx: Db, actor: Principal, roles: readonly string[], already: readonly string[] = []): Promise<AccessError[]> {
  const granted = [...new Set(roles)].filter((name) => !already.includes(name));
  if (!granted.length) return [];
  const rows = await tx
    .select({ name: role.name, builtIn: role.builtIn, scopes: role.scopes })
    .from(role)
    .where(sql`${role.name} = any(${sql.param(granted)}::text[])`);
  const byName = new Map(rows.map((row) => [row.name, row]));
  return roles.flatMap((name, index) => {
    const row = byName.get(name);
    const missing = row && granted.includes(name) && roles.indexOf(name) === index ? scopesNotHeld(actor, scopesOfRole(row)) : [];
    return missing.length ? [notHeldError(missing, ['input', 'roles', String(index)])] : [];
  });
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailSchema = z.email();

function checkLocale(locale: string): AccessError[] {
  try {
    Intl.getCanonicalLocales(locale);
    return [];
  } catch {
    return [userError('INVALID', `"${locale}" is not a language tag such as en, th or zh-TW.`, ['input', 'locale'])];
  }
}

function checkPassword(password: string): AccessError[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return [userError('WEAK_PASSWORD', `Use at least ${MIN_PASSWORD_LENGTH} characters.`, ['input', 'password'])];
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return [userError('INVALID', `Use at most ${MAX_PASSWORD_LENGTH} characters.`, ['input', 'password'])];
  }
  return [];
}

/** Role ids for names, or UNKNOWN_ROLE for each name that names no role. */
async function roleIdsByName(tx: Db, names: readonly string[]): Promise<AccessResult<string[]>> {
  const wanted = [...new Set(names)];
  const rows = await tx
    .select({ id: role.id, name: role.name })
    .from(role)
    .where(sql`${role.name} = any(${sql.param(wanted)}::text[])`);
  const idByName = new Map(rows.map((row) => [row.name, row.id]));
  const errors = names.flatMap((name, index) =>
    idByName.has(name) ? [] : [userError('UNKNOWN_ROLE', `No role is named "${name}".`, ['input', 'roles', String(index)])],
  );
  return errors.length ? { ok: false, errors } : ok(wanted.map((name) => idByName.get(name)!));
}

/**
 * Takes the owner role's row lock, so that concurrent changes cannot each see
 * another owner and together leave none; returns the role's id.
 */
async function lockOwnerRole(tx: Db): Promise<string> {
  const [row] = await tx.select({ id: role.id }).from(role).where(eq(role.name, OWNER_ROLE)).for('update');
  return row!.id;
}

/** Enabled accounts other than `exceptStaffId` that hold the owner role. Call after lockOwnerRole. */
async function otherEnabledOwners(tx: Db, ownerRoleId: string, exceptStaffId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(staffRole)
    .innerJoin(staff, eq(staff.id, staffRole.staffId))
    .where(and(eq(staffRole.roleId, ownerRoleId), eq(staff.disabled, false), ne(staff.id, exceptStaffId)));
  return row!.n;
}

async function roleNamesOf(tx: Db, staffId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: role.name })
    .from(staffRole)
    .innerJoin(role, eq(role.id, staffRole.roleId))
    .where(eq(staffRole.staffId, staffId));
  return rows.map((row) => row.name);
}

export interface StaffCreateInput {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  locale?: string | null;
}

/**
 * Creates a staff account with an Argon2id password hash and its roles.
 * `tx` must be a transaction: the account and its roles are written together.
 * Only an owner may grant the owner role.
 */
export async function staffCreate(tx: Db, actor: Principal, input: StaffCreateInput): Promise<AccessResult<Staff>> {
  const email = normalizeEmail(input.email);
  const errors = [
    ...(emailSchema.safeParse(email).success ? [] : [userError('INVALID', 'Enter an email address.', ['input', 'email'])]),
    ...checkText(input.displayName, 'displayName', 100),
    ...(input.locale != null ? checkLocale(input.locale) : []),
    ...checkPassword(input.password),
  ];
  const roleIds = await roleIdsByName(tx, input.roles);
  if (!roleIds.ok) errors.push(...roleIds.errors);
  if (input.roles.includes(OWNER_ROLE) && !isOwner(actor)) {
    errors.push(userError('OWNER_REQUIRED', 'Only an owner may grant the owner role.', ['input', 'roles']));
  }
  errors.push(...(await checkGrantableRoles(tx, actor, input.roles)));
  if (errors.length || !roleIds.ok) return { ok: false, errors };
  const [row] = await tx
    .insert(staff)
    .values({
      email,
      displayName: input.displayName.trim(),
      locale: input.locale ?? 'en',
      passwordHash: await hashPassword(input.password),
    })
    .onConflictDoNothing({ target: staff.email })
    .returning(staffColumns);
  if (!row) return fail('EMAIL_TAKEN', 'Another account already uses this email.', ['input', 'email']);
  if (roleIds.value.length) {
    await tx.insert(staffRole).values(roleIds.value.map((roleId) => ({ staffId: row.id, roleId })));
  }
  return ok(row);
}

export interface StaffUpdateInput {
  id: string;
  displayName?: string | null;
  locale?: string | null;
  roles?: string[] | null;
}

/**
 * Changes an account's name, locale or complete set of roles. `tx` must be a
 * transaction. Granting or removing the owner role needs an owner, and the last
 * enabled owner keeps it (LAST_OWNER).
 */
export async function staffUpdate(
  tx: Db,
  actor: Principal,
  input: StaffUpdateInput,
  /** Receives the before/after of the changed fields (audit log). */
  changes: ChangeRecord[] = [],
): Promise<AccessResult<Staff>> {
  const [target] = isId(input.id)
    ? await tx.select(staffColumns).from(staff).where(eq(staff.id, input.id)).for('update')
    : [];
  if (!target) return fail('NOT_FOUND', 'No staff account has this id.', ['input', 'id']);
  const errors = [
    ...(input.displayName != null ? checkText(input.displayName, 'displayName', 100) : []),
    ...(input.locale != null ? checkLocale(input.locale) : []),
  ];
  let roleIds: string[] | null = null;
  if (input.roles != null) {
    const resolved = await roleIdsByName(tx, input.roles);
    if (resolved.ok) roleIds = resolved.value;
    else errors.push(...resolved.errors);
    const held = await roleNamesOf(tx, target.id);
    errors.push(...(await checkGrantableRoles(tx, actor, input.roles, held)));
    const hadOwner = held.includes(OWNER_ROLE);
    const keepsOwner = input.roles.includes(OWNER_ROLE);
    if (hadOwner !== keepsOwner && !isOwner(actor)) {
      errors.push(userError('OWNER_REQUIRED', 'Only an owner may grant or remove the owner role.', ['input', 'roles']));
    } else if (hadOwner && !keepsOwner && !target.disabled) {
      const others = await otherEnabledOwners(tx, await lockOwnerRole(tx), target.id);
      if (others === 0) errors.push(userError('LAST_OWNER', 'The shop must keep an enabled owner.', ['input', 'roles']));
    }
  }
  if (errors.length) return { ok: false, errors };
  const [row] = await tx
    .update(staff)
    .set({
      ...(input.displayName != null && { displayName: input.displayName.trim() }),
      ...(input.locale != null && { locale: input.locale }),
      updatedAt: new Date(),
    })
    .where(eq(staff.id, target.id))
    .returning(staffColumns);
  const rolesBefore = await roleNamesOf(tx, target.id);
  if (roleIds !== null) {
    await tx.delete(staffRole).where(eq(staffRole.staffId, target.id));
    if (roleIds.length) await tx.insert(staffRole).values(roleIds.map((roleId) => ({ staffId: target.id, roleId })));
  }
  const change = changeOf(
    'Staff',
    target.id,
    { displayName: target.displayName, locale: target.locale, roles: [...rolesBefore].sort() },
    { displayName: row!.displayName, locale: row!.locale, roles: input.roles != null ? [...new Set(input.roles)].sort() : [...rolesBefore].sort() },
  );
  if (change) changes.push(change);
  return ok(row!);
}

/**
 * Disables an account and revokes its sessions and the API keys it created in
 * the same transaction, so its next request, and its keys', is refused. Nobody disables themselves; only an owner disables
 * an owner, and never the last enabled one.
 */
export async function staffDisable(tx: Db, actor: Principal, input: { id: string }): Promise<AccessResult<Staff>> {
  const [target] = isId(input.id)
    ? await tx.select(staffColumns).from(staff).where(eq(staff.id, input.id)).for('update')
    : [];
  if (!target) return fail('NOT_FOUND', 'No staff account has this id.', ['input', 'id']);
  if (target.id === staffIdOf(actor)) return fail('LAST_OWNER', 'You cannot disable your own account.', ['input', 'id']);
  if (!target.disabled && (await roleNamesOf(tx, target.id)).includes(OWNER_ROLE)) {
    if (!isOwner(actor)) return fail('OWNER_REQUIRED', 'Only an owner may disable an owner.', ['input', 'id']);
    if ((await otherEnabledOwners(tx, await lockOwnerRole(tx), target.id)) === 0) {
      return fail('LAST_OWNER', 'The shop must keep an enabled owner.', ['input', 'id']);
    }
  }
  const now = new Date();
  const [row] = await tx
    .update(staff)
    .set({ disabled: true, updatedAt: now })
    .where(eq(staff.id, target.id))
    .returning(staffColumns);
  await tx
    .update(session)
    .set({ revokedAt: now })
    .where(and(eq(session.staffId, target.id), isNull(session.revokedAt)));
  // A key acts with the authority of whoever made it: that authority ends here.
  // Revoked, not suspended: enabling the account again does not bring them back.
  await tx
    .update(apiKey)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(apiKey.createdBy, target.id), isNull(apiKey.revokedAt)));
  return ok(row!);
}

export interface StaffFilter {
  query?: string | null;
  includeDisabled?: boolean | null;
}

function staffFilterSql(filter: StaffFilter | null | undefined): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (!filter?.includeDisabled) conditions.push(eq(staff.disabled, false));
  const text = filter?.query?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(staff.displayName, pattern), ilike(staff.email, pattern)));
  }
  return and(...conditions);
}

/** One keyset page of staff, newest first; disabled accounts only when the filter asks. */
export async function listStaff(tx: Db, args: ConnectionArgs & { filter?: StaffFilter | null }) {
  const filter = staffFilterSql(args.filter);
  return connectionOf(args, {
    sort: staff.createdAt,
    id: staff.id,
    descending: true,
    filter,
    rows: (page) => tx.select(staffColumns).from(staff).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(staff).where(filter))[0]!.n,
  });
}

export function staffByIds(tx: Db, ids: readonly string[]) {
  return tx.select(staffColumns).from(staff).where(anyId(staff.id, ids));
}

/** The roles of many accounts in one query, each row tagged with its account. */
export function rolesByStaffIds(tx: Db, staffIds: readonly string[]) {
  return tx
    .select({ staffId: staffRole.staffId, role })
    .from(staffRole)
    .innerJoin(role, eq(role.id, staffRole.roleId))
    .where(anyId(staffRole.staffId, staffIds))
    .orderBy(asc(role.name));
}
