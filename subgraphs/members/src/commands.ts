// What other domains may call in members: authenticating a customer session, a saved address for a cart, loyalty, and their part of a privacy request (a task pair that reports back in its transaction).
import { sql } from 'drizzle-orm';
import type { Db, Principal } from '@shop/kit';
import { TOKEN_PREFIX, tokenHash } from '@shop/kit/secrets';
import { customerSession } from './accounts/index.js';
import { lastSeenStale } from './service.js';
import { member } from './tables.js';

/**
 * The customer principal a storefront session token (`cst_…`) stands for, or
 * null when the token is of another kind, unknown, expired or revoked, or its
 * member is archived or disabled. One statement and no cache, so a logout
 * takes effect on the very next request. A valid session marks its member
 * seen (at most once a minute). `db` is the pool.
 */
export async function authenticateCustomer(db: Db, bearerToken: string): Promise<Principal | null> {
  if (!bearerToken.startsWith(TOKEN_PREFIX.customerSession)) return null;
  // The update rides in the same statement: marking the member seen costs no extra round trip.
  const [row] = await db.execute<{ session_id: string; member_id: string }>(sql`
    with found as (
      select s.id as session_id, s.member_id from ${customerSession} s join ${member} m on m.id = s.member_id
      where s.token_hash = ${tokenHash(bearerToken)} and s.revoked_at is null and s.expires_at > now()
        and m.archived_at is null and m.disabled_at is null),
    seen as (
      update ${member} set last_seen_at = now()
      where id = (select member_id from found) and ${lastSeenStale})
    select session_id, member_id from found`);
  return row ? { kind: 'customer', memberId: row.member_id, sessionId: row.session_id } : null;
}

// Orders copies a customer's saved address onto their cart (cartSetAddress by addressId).
export { savedAddressForCart, type SavedAddress } from './addresses/index.js';

export {
  applyStoreCredit,
  creditBalanceOf,
  earnPointsForOrder,
  queuePointsEarning,
  redeemPoints,
  refundToStoreCredit,
  releaseStoreCreditForOrder,
  reversePointsForOrder,
  verifyLoyaltyLedgers,
  type LedgerCheck,
  type OrderEarning,
} from './loyalty/index.js';
export { privacyPartDone, type PrivacyDomain } from './privacy/index.js';

// Segments as other domains use them (marketing: coupon eligibility, pushes): reads of the materialised membership.
export { isMemberInSegment, segmentIdByName, segmentMemberIds } from './segments/index.js';

// Pricing (coupons' priceForOrder): the member's tier and segments for eligibility, and what points are worth.
export { pointsWorth, pricingStanding, type PricingStanding } from './pricing-standing/index.js';
