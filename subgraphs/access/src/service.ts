// Staff, roles and API keys: their rules, writes and the staff list (not sessions: sessions.ts).
import { and, asc, count, desc, eq, ilike, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  anyId,
  changeOf,
  connectionOf,
  fail,
  isId,
  ok,
  scopesOf,
  userError,
  type ChangeRecord,
  type ConnectionArgs,
  type Db,
  type Principal,
  type Result,
  type UserError,
} from '@shop/kit';
import { BUILT_IN_ROLES, SCOPES } from '../../../schema/scopes.js';
import { hashPassword, newToken, TOKEN_PREFIX, tokenHash } from '@shop/kit/secrets';
import { apiKey, role, session, staff, staffRole, type ApiKeyRow, type RoleRow, type StaffRow } from './tables.js';

/** The codes of AccessErrorCode in schema/access.graphql. */
export type AccessErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'LOGIN_THROTTLED'
  | 'ACCOUNT_DISABLED'
  | 'EMAIL_TAKEN'
  | 'NAME_TAKEN'
  | 'INVALID'
  | 'WEAK_PASSWORD'
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_SCOPE'
  | 'NOT_FOUND'
  | 'BUILT_IN_ROLE'
  | 'LAST_OWNER'
  | 'OWNER_REQUIRED'
  | 'SCOPE_NOT_HELD';

export type AccessResult<T> = Result<T, AccessErrorCode>;
type AccessError = UserError<AccessErrorCode>;

const OWNER_ROLE = 'owner';
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

/** Every API key column but the secret's hash. */
const apiKeyColumns = {
  id: apiKey.id,
  name: apiKey.name,
  prefix: apiKey.prefix,
  scopes: apiKey.scopes,
  expiresAt: apiKey.expiresAt,
  lastUsedAt: apiKey.lastUsedAt,
  revokedAt: apiKey.revokedAt,
  createdBy: apiKey.createdBy,
  createdAt: apiKey.createdAt,
  updatedAt: apiKey.updatedAt,
};
export type ApiKey = Omit<ApiKeyRow, 'secretHash'>;

/**
 * The scopes a role grants. A built-in role's come from the catalog file, so
 * they follow it without a data migration; a custom role's are its column.
 */
export function scopesOfRole(row: Pick<RoleRow, 'name' | 'builtIn' | 'scopes'>): readonly string[] {
  return row.builtIn ? (BUILT_IN_ROLES[row.name]?.scopes ?? []) : row.scopes;
}

/** The sorted union of the scopes of some roles. */
export function unionOfScopes(roles: Pick<RoleRow, 'name' | 'builtIn' | 'scopes'>[]): string[] {
  return [...new Set(roles.flatMap(scopesOfRole))].sort();
}

/**
 * The staff id behind a principal, or null when nobody is signed in. The switch
 * is exhaustive, so a new principal kind fails to compile until it is handled here.
 */
export function staffIdOf(principal: Principal): string | null {
  switch (principal.kind) {
    case 'staff':
      return principal.staffId;
    case 'anonymous':
    case 'customer':
    case 'partner':
      return null;
  }
}

function isOwner(principal: Principal): boolean {
  return principal.kind === 'staff' && principal.roles.includes(OWNER_ROLE);
}

/**
 * Nobody grants more than they hold: a role, a custom role's scopes or an API
 * key's scopes are granted only when every scope in them is one of the
 * caller's own. Otherwise access:admin alone would be a path to every scope
 * (make a role with all of them, give it to yourself or a new account, or mint
 * a key). Admins hold the whole catalog, so they may grant any role but owner,
 * which needs an owner (OWNER_REQUIRED); API keys never reach here (granting
 * needs a step-up, which only staff can give).
 */
function scopesNotHeld(actor: Principal, scopes: readonly string[]): string[] {
  const held = new Set(scopesOf(actor));
  return [...new Set(scopes)].filter((scope) => !held.has(scope)).sort();
}

function notHeldError(missing: readonly string[], field: string[]): AccessError {
  return userError('SCOPE_NOT_HELD', `You cannot grant what you do not hold yourself: ${missing.join(', ')}.`, field);
}

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

function checkText(value: string, field: string, max: number): AccessError[] {
  const length = [...value.trim()].length;
  return length === 0 || length > max
    ? [userError('INVALID', `${field} must be 1 to ${max} characters.`, ['input', field])]
    : [];
}

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

/** UNKNOWN_SCOPE for each scope the catalog lacks, with its index in the input list. */
function checkScopes(scopes: readonly string[]): AccessError[] {
  return scopes.flatMap((scope, index) =>
    Object.hasOwn(SCOPES, scope)
      ? []
      : [userError('UNKNOWN_SCOPE', `"${scope}" is not in the permission catalog.`, ['input', 'scopes', String(index)])],
  );
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

const ROLE_NAME = /^[a-z][a-z0-9_]{1,49}$/;

/** Creates a custom role from catalog scopes the actor holds. `tx` may be the pool (one insert). */
export async function roleCreate(
  tx: Db,
  actor: Principal,
  input: { name: string; title: string; scopes: string[] },
): Promise<AccessResult<RoleRow>> {
  const missing = scopesNotHeld(actor, input.scopes.filter((scope) => Object.hasOwn(SCOPES, scope)));
  const errors = [
    ...(ROLE_NAME.test(input.name)
      ? []
      : [userError('INVALID', 'Use 2 to 50 lower case letters, digits and underscores, starting with a letter.', ['input', 'name'])]),
    ...checkText(input.title, 'title', 100),
    ...checkScopes(input.scopes),
    ...(missing.length ? [notHeldError(missing, ['input', 'scopes'])] : []),
  ];
  if (errors.length) return { ok: false, errors };
  const [row] = await tx
    .insert(role)
    .values({ name: input.name, title: input.title.trim(), scopes: [...new Set(input.scopes)].sort() })
    .onConflictDoNothing({ target: role.name })
    .returning();
  return row ? ok(row) : fail('NAME_TAKEN', `A role named "${input.name}" exists already.`, ['input', 'name']);
}

/**
 * Changes a custom role's title or scopes; built-in roles are fixed (BUILT_IN_ROLE).
 * Scopes the role gains must be the actor's own; scopes it keeps or loses need not be.
 */
export async function roleUpdate(
  tx: Db,
  actor: Principal,
  input: { id: string; title?: string | null; scopes?: string[] | null },
  /** Receives the before/after of the changed fields (audit log). */
  changes: ChangeRecord[] = [],
): Promise<AccessResult<RoleRow>> {
  const [target] = isId(input.id) ? await tx.select().from(role).where(eq(role.id, input.id)).for('update') : [];
  if (!target) return fail('NOT_FOUND', 'No role has this id.', ['input', 'id']);
  if (target.builtIn) return fail('BUILT_IN_ROLE', `The built-in role "${target.name}" cannot be changed.`, ['input', 'id']);
  const gained = (input.scopes ?? []).filter((scope) => Object.hasOwn(SCOPES, scope) && !target.scopes.includes(scope));
  const missing = scopesNotHeld(actor, gained);
  const errors = [
    ...(input.title != null ? checkText(input.title, 'title', 100) : []),
    ...(input.scopes != null ? checkScopes(input.scopes) : []),
    ...(missing.length ? [notHeldError(missing, ['input', 'scopes'])] : []),
  ];
  if (errors.length) return { ok: false, errors };
  const [row] = await tx
    .update(role)
    .set({
      ...(input.title != null && { title: input.title.trim() }),
      ...(input.scopes != null && { scopes: [...new Set(input.scopes)].sort() }),
      updatedAt: new Date(),
    })
    .where(eq(role.id, target.id))
    .returning();
  const change = changeOf('Role', target.id, { title: target.title, scopes: target.scopes }, { title: row!.title, scopes: row!.scopes });
  if (change) changes.push(change);
  return ok(row!);
}


/**
 * Creates a partner key. The secret is in the result this once; the database
 * keeps its sha256 and its first characters. `tx` may be the pool (one insert).
 */
export async function apiKeyCreate(
  tx: Db,
  actor: Principal,
  input: { name: string; scopes: string[]; expiresAt?: Date | null },
): Promise<AccessResult<{ apiKey: ApiKey; secret: string }>> {
  const missing = scopesNotHeld(actor, input.scopes.filter((scope) => Object.hasOwn(SCOPES, scope)));
  const errors = [
    ...checkText(input.name, 'name', 100),
    ...checkScopes(input.scopes),
    ...(missing.length ? [notHeldError(missing, ['input', 'scopes'])] : []),
  ];
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    errors.push(userError('INVALID', 'The expiry must be in the future.', ['input', 'expiresAt']));
  }
  if (errors.length) return { ok: false, errors };
  const secret = newToken(TOKEN_PREFIX.apiKey);
  const [row] = await tx
    .insert(apiKey)
    .values({
      name: input.name.trim(),
      prefix: apiKeyPrefix(secret),
      secretHash: tokenHash(secret),
      scopes: [...new Set(input.scopes)].sort(),
      expiresAt: input.expiresAt ?? null,
      createdBy: staffIdOf(actor),
    })
    .returning(apiKeyColumns);
  return ok({ apiKey: row!, secret });
}

/** The part of a secret a key list shows: the kind prefix and 8 characters (48 of 256 bits). */
export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.apiKey.length + 8);
}

/** Revokes a key at once; revoking it again keeps the first revocation time. */
export async function apiKeyRevoke(tx: Db, input: { id: string }): Promise<AccessResult<ApiKey>> {
  const [row] = isId(input.id)
    ? await tx
        .update(apiKey)
        .set({ revokedAt: sql`coalesce(${apiKey.revokedAt}, now())`, updatedAt: new Date() })
        .where(eq(apiKey.id, input.id))
        .returning(apiKeyColumns)
    : [];
  return row ? ok(row) : fail('NOT_FOUND', 'No API key has this id.', ['input', 'id']);
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

/** One keyset page of API keys, newest first, revoked ones included. */
export async function listApiKeys(tx: Db, args: ConnectionArgs) {
  return connectionOf(args, {
    sort: apiKey.createdAt,
    id: apiKey.id,
    descending: true,
    rows: (page) => tx.select(apiKeyColumns).from(apiKey).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(apiKey))[0]!.n,
  });
}

/** Every role, built-in first, then by name. */
export function listRoles(tx: Db) {
  return tx.select().from(role).orderBy(desc(role.builtIn), asc(role.name));
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
