// API keys: minting partner keys, revoking them, and the key list.
import { count, eq, sql } from 'drizzle-orm';
import { connectionOf, fail, isId, ok, userError, type ConnectionArgs, type Db, type Principal } from '@shop/kit';
import { newToken, TOKEN_PREFIX, tokenHash } from '@shop/kit/secrets';
import { SCOPES } from '../../../../schema/scopes.js';
import { checkScopes, checkText, notHeldError, scopesNotHeld, staffIdOf, type AccessResult } from '../service.js';
import { apiKey, type ApiKeyRow } from '../tables.js';

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
