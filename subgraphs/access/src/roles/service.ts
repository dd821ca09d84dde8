// Roles: creating and changing custom roles, and the role list.
import { asc, desc, eq } from 'drizzle-orm';
import { changeOf, fail, isId, ok, userError, type ChangeRecord, type Db, type Principal } from '@shop/kit';
import { SCOPES } from '../../../../schema/scopes.js';
import { checkScopes, checkText, notHeldError, scopesNotHeld, type AccessResult } from '../service.js';
import { role, type RoleRow } from '../tables.js';

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

/** Every role, built-in first, then by name. */
export function listRoles(tx: Db) {
  return tx.select().from(role).orderBy(desc(role.builtIn), asc(role.name));
}
