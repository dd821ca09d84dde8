// Products' part of a member's privacy request: their reviews and purchases, exported or anonymised.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { purchase, review } from '../reviews/index.js';

/** The member's reviews (with the shop's replies) and the purchases that entitled them. `db` may be the pool. */
export async function memberReviewsExport(db: Db, memberId: string) {
  return {
    reviews: await db.select().from(review).where(eq(review.memberId, memberId)).orderBy(asc(review.createdAt)),
    purchases: await db.select().from(purchase).where(eq(purchase.memberId, memberId)).orderBy(asc(purchase.createdAt)),
  };
}

/**
 * Anonymises the member's reviews in the caller's transaction: the rating and
 * status stay (a product's average must not move), while the member's own
 * words and the shop's reply to them, which may name the member, go. The
 * author's name is never stored here: it was the member's, erased in members.
 * Idempotent.
 */
export async function eraseMemberReviews(tx: Db, memberId: string): Promise<void> {
  await tx.update(review).set({ title: null, body: '', reply: null, repliedAt: null, updatedAt: new Date() }).where(eq(review.memberId, memberId));
}
