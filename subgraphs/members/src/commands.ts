// What other domains may call in members: authenticating a customer session, and loyalty inside the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Db, Principal } from '@shop/kit';
import { TOKEN_PREFIX, tokenHash } from '@shop/kit/secrets';
import { customerSession, member } from './tables.js';

/**
 * The customer principal a storefront session token (`cst_…`) stands for, or
 * null when the token is of another kind, unknown, expired or revoked, or its
 * member is archived. One statement and no cache, so a logout takes effect on
 * the very next request. `db` is the pool.
 */
export async function authenticateCustomer(db: Db, bearerToken: string): Promise<Principal | null> {
  if (!bearerToken.startsWith(TOKEN_PREFIX.customerSession)) return null;
  const [row] = await db.execute<{ session_id: string; member_id: string }>(sql`
    select s.id as session_id, s.member_id from ${customerSession} s join ${member} m on m.id = s.member_id
    where s.token_hash = ${tokenHash(bearerToken)} and s.revoked_at is null and s.expires_at > now()
      and m.archived_at is null`);
  return row ? { kind: 'customer', memberId: row.member_id, sessionId: row.session_id } : null;
}

export {
  applyStoreCredit,
  earnPointsForOrder,
  redeemPoints,
  refundToStoreCredit,
  reversePointsForOrder,
  verifyLoyaltyLedgers,
  type LedgerCheck,
} from './loyalty/index.js';
