// What other domains and the gateway may call in access: authenticating a request, ensuring the built-in roles.
import { inArray, sql } from 'drizzle-orm';
import type { Db, Principal } from '@shop/kit';
import { BUILT_IN_ROLES } from '../../../schema/scopes.js';
import { TOKEN_PREFIX, tokenHash } from '@shop/kit/secrets';
import { unionOfScopes } from './service.js';
import { apiKey, role, session, staff, staffRole, stepUp } from './tables.js';

interface StaffSessionRow extends Record<string, unknown> {
  session_id: string;
  staff_id: string;
  roles: { name: string; builtIn: boolean; scopes: string[] }[];
  step_up_until: Date | null;
}

/**
 * A staff session token (with an optional step-up token) to a principal, in one
 * statement: the session must be unrevoked, unexpired and its account enabled;
 * the step-up counts only if it belongs to this very session. last_seen_at is
 * touched at most once a minute, so most requests write nothing.
 */
async function staffPrincipal(db: Db, token: string, stepUpToken: string | null): Promise<Principal | null> {
  const [row] = await db.execute<StaffSessionRow>(sql`
    with found as (
      select s.id, s.staff_id, s.last_seen_at from ${session} s join ${staff} st on st.id = s.staff_id
      where s.token_hash = ${tokenHash(token)} and s.revoked_at is null and s.expires_at > now() and not st.disabled
    ), touched as (
      update ${session} set last_seen_at = now() from found
      where ${session.id} = found.id and found.last_seen_at < now() - interval '1 minute'
    )
    select found.id as session_id, found.staff_id,
      coalesce((select json_agg(json_build_object('name', r.name, 'builtIn', r.built_in, 'scopes', r.scopes) order by r.name)
        from ${staffRole} sr join ${role} r on r.id = sr.role_id where sr.staff_id = found.staff_id), '[]') as roles,
      (select max(u.expires_at) from ${stepUp} u
        where u.session_id = found.id and u.token_hash = ${stepUpToken === null ? null : tokenHash(stepUpToken)}
          and u.expires_at > now()) as step_up_until
    from found`);
  if (!row) return null;
  return {
    kind: 'staff',
    staffId: row.staff_id,
    sessionId: row.session_id,
    roles: row.roles.map((r) => r.name),
    scopes: unionOfScopes(row.roles),
    stepUpUntil: row.step_up_until === null ? null : new Date(row.step_up_until).getTime(),
  };
}

/**
 * A partner key to a principal in one statement: unrevoked, unexpired, and its
 * creator (if a staff member made it) not disabled. last_used_at is touched at
 * most once a minute.
 */
async function partnerPrincipal(db: Db, secret: string): Promise<Principal | null> {
  const [row] = await db.execute<{ id: string; scopes: string[] }>(sql`
    with found as (
      select k.id, k.scopes, k.last_used_at from ${apiKey} k
      where k.secret_hash = ${tokenHash(secret)} and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
        -- staffDisable revokes a disabled creator's keys; this also covers keys of accounts disabled before it did.
        and not exists (select 1 from ${staff} st where st.id = k.created_by and st.disabled)
    ), touched as (
      update ${apiKey} set last_used_at = now() from found
      where ${apiKey.id} = found.id and (found.last_used_at is null or found.last_used_at < now() - interval '1 minute')
    )
    select id, scopes from found`);
  return row ? { kind: 'partner', apiKeyId: row.id, scopes: row.scopes } : null;
}

/**
 * The principal a bearer token stands for, read fresh on every call (no cache,
 * so a revocation or a disabled account takes effect on the next request):
 * `sst_…` a staff session (with `stepUpToken`, an `stu_…` token from
 * stepUpConfirm, setting stepUpUntil), `spk_…` a partner key. Anything else,
 * and any expired, revoked or unknown token, is null. `db` is the pool.
 */
export async function authenticate(db: Db, bearerToken: string, stepUpToken?: string | null): Promise<Principal | null> {
  if (bearerToken.startsWith(TOKEN_PREFIX.session)) {
    const stepUp = stepUpToken?.startsWith(TOKEN_PREFIX.stepUp) ? stepUpToken : null;
    return staffPrincipal(db, bearerToken, stepUp);
  }
  if (bearerToken.startsWith(TOKEN_PREFIX.apiKey)) return partnerPrincipal(db, bearerToken);
  return null;
}

/**
 * Writes a row for every built-in role that lacks one (a migration writes them
 * on a fresh database; the seed CLI's --reset empties the table). A custom role
 * that already holds a built-in name is left alone. `tx` may be the pool.
 */
export async function ensureBuiltInRoles(tx: Db): Promise<void> {
  const rows = Object.entries(BUILT_IN_ROLES).map(([name, { title }]) => ({ name, title, builtIn: true }));
  await tx
    .insert(role)
    .values(rows)
    .onConflictDoUpdate({ target: role.name, set: { title: sql`excluded.title` }, setWhere: sql`${role.builtIn}` });
}


/**
 * Which of `names` are the shop's roles (built-in or custom), for domains that share things with roles (saved
 * reports). `tx` may be the pool.
 */
export async function existingRoleNames(tx: Db, names: readonly string[]): Promise<string[]> {
  if (!names.length) return [];
  const rows = await tx.select({ name: role.name }).from(role).where(inArray(role.name, [...names]));
  return rows.map((row) => row.name);
}
