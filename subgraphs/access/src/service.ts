// Rules every part of access shares: the result and error codes of its writes, which scopes a role
// grants, who is behind a principal, and that nobody grants what they do not hold.
import { scopesOf, userError, type Principal, type Result, type UserError } from '@shop/kit';
import { BUILT_IN_ROLES, SCOPES } from '../../../schema/scopes.js';
import type { RoleRow } from './tables.js';

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
  | 'SCOPE_NOT_HELD'
  | 'URL_NOT_ALLOWED'
  | 'UNKNOWN_TIME_ZONE'
  | 'UNSUPPORTED_CURRENCY';

export type AccessResult<T> = Result<T, AccessErrorCode>;
export type AccessError = UserError<AccessErrorCode>;

/** The built-in role only an owner grants, and the shop always keeps one enabled holder of. */
export const OWNER_ROLE = 'owner';

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

export function isOwner(principal: Principal): boolean {
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
export function scopesNotHeld(actor: Principal, scopes: readonly string[]): string[] {
  const held = new Set(scopesOf(actor));
  return [...new Set(scopes)].filter((scope) => !held.has(scope)).sort();
}

export function notHeldError(missing: readonly string[], field: string[]): AccessError {
  return userError('SCOPE_NOT_HELD', `You cannot grant what you do not hold yourself: ${missing.join(', ')}.`, field);
}

export function checkText(value: string, field: string, max: number): AccessError[] {
  const length = [...value.trim()].length;
  return length === 0 || length > max
    ? [userError('INVALID', `${field} must be 1 to ${max} characters.`, ['input', field])]
    : [];
}

/** UNKNOWN_SCOPE for each scope the catalog lacks, with its index in the input list. */
export function checkScopes(scopes: readonly string[]): AccessError[] {
  return scopes.flatMap((scope, index) =>
    Object.hasOwn(SCOPES, scope)
      ? []
      : [userError('UNKNOWN_SCOPE', `"${scope}" is not in the permission catalog.`, ['input', 'scopes', String(index)])],
  );
}
