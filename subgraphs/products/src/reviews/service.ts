// Product reviews: the list, ratings per product, creating, moderating and replying.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import {
  anyId,
  changeOf,
  connectionOf,
  isId,
  ok,
  type ChangeRecord,
  type ConnectionArgs,
  type Db,
} from '@shop/kit';
import { LIMITS, Problems, type CatalogResult } from '../input/index.js';
import { product } from '../tables.js';
import { purchase, review, type ReviewRow } from './tables.js';

export type ReviewStatus = ReviewRow['status'];

/** Reviews newest first; storefront callers pass status APPROVED. */
export async function listReviews(tx: Db, args: ConnectionArgs & { filter?: { status?: ReviewStatus | null; productId?: string | null } | null }) {
  const conditions: (SQL | undefined)[] = [];
  if (args.filter?.status) conditions.push(eq(review.status, args.filter.status));
  if (args.filter?.productId) conditions.push(anyId(review.productId, [args.filter.productId]));
  const filter = and(...conditions);
  return connectionOf(args, {
    sort: review.createdAt,
    id: review.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(review).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(review).where(filter))[0]!.n,
  });
}

/**
 * A customer's review of a product on sale that they bought (the orders
 * domain records purchases through commands.recordPurchases). One review per
 * customer and product; it waits for moderation.
 */
export async function createReview(
  tx: Db,
  memberId: string,
  input: { productId: string; rating: number; title?: string | null; body: string },
): Promise<CatalogResult<ReviewRow>> {
  const p = new Problems();
  const [target] = isId(input.productId)
    ? await tx.select({ id: product.id }).from(product).where(and(eq(product.id, input.productId), eq(product.status, 'ACTIVE')))
    : [];
  if (!target) p.add('UNKNOWN_PRODUCT', `No product ${input.productId}.`, ['productId']);
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    p.add('INVALID_RATING', 'A whole number of stars from 1 to 5.', ['rating']);
  }
  const title = input.title?.trim() || null;
  if (title && title.length > LIMITS.reviewTitleMaxLength) {
    p.add('INVALID_REVIEW', `A headline of at most ${LIMITS.reviewTitleMaxLength} characters.`, ['title']);
  }
  const body = input.body.trim();
  if (!body || body.length > LIMITS.reviewBodyMaxLength) {
    p.add('INVALID_REVIEW', `A review of 1 to ${LIMITS.reviewBodyMaxLength} characters.`, ['body']);
  }
  if (p.any) return { ok: false, errors: p.errors };
  const [bought] = await tx
    .select({ memberId: purchase.memberId })
    .from(purchase)
    .where(and(eq(purchase.memberId, memberId), eq(purchase.productId, input.productId)))
    .limit(1);
  if (!bought) {
    p.add('NOT_PURCHASED', 'Only customers who bought this product can review it.', ['productId']);
    return { ok: false, errors: p.errors };
  }
  const [row] = await tx
    .insert(review)
    .values({ productId: input.productId, memberId, rating: input.rating, title, body })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    p.add('ALREADY_REVIEWED', 'You have already reviewed this product.', ['productId']);
    return { ok: false, errors: p.errors };
  }
  return ok(row);
}

async function reviewRow(tx: Db, p: Problems, id: string): Promise<ReviewRow | null> {
  const [row] = isId(id) ? await tx.select().from(review).where(eq(review.id, id)).for('update') : [];
  if (!row) p.add('UNKNOWN_REVIEW', `No review ${id}.`, ['id']);
  return row ?? null;
}

export async function moderateReview(
  tx: Db,
  input: { id: string; status: ReviewStatus },
  changes: ChangeRecord[],
): Promise<CatalogResult<ReviewRow>> {
  const p = new Problems();
  const row = await reviewRow(tx, p, input.id);
  if (!row) return { ok: false, errors: p.errors };
  const [saved] = await tx.update(review).set({ status: input.status, updatedAt: new Date() }).where(eq(review.id, row.id)).returning();
  const change = changeOf('Review', row.id, { status: row.status }, { status: input.status });
  if (change) changes.push(change);
  return ok(saved!);
}

/** The shop's public answer; an empty body removes it. */
export async function replyToReview(
  tx: Db,
  input: { id: string; body: string },
  changes: ChangeRecord[],
): Promise<CatalogResult<ReviewRow>> {
  const p = new Problems();
  const row = await reviewRow(tx, p, input.id);
  const reply = input.body.trim() || null;
  if (reply && reply.length > LIMITS.reviewBodyMaxLength) {
    p.add('INVALID_REVIEW', `A reply of at most ${LIMITS.reviewBodyMaxLength} characters.`, ['body']);
  }
  if (!row || p.any) return { ok: false, errors: p.errors };
  const [saved] = await tx
    .update(review)
    .set({ reply, repliedAt: reply ? new Date() : null, updatedAt: new Date() })
    .where(eq(review.id, row.id))
    .returning();
  const change = changeOf('Review', row.id, { reply: row.reply }, { reply });
  if (change) changes.push(change);
  return ok(saved!);
}

/** Average (one decimal, as text) and count of APPROVED reviews per product. */
export function ratingsByProductIds(tx: Db, productIds: readonly string[]) {
  return tx
    .select({
      productId: review.productId,
      average: sql<string>`round(avg(${review.rating}), 1)::text`,
      count: count(),
    })
    .from(review)
    .where(and(anyId(review.productId, productIds), eq(review.status, 'APPROVED')))
    .groupBy(review.productId);
}
