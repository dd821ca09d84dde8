// Wishlists: a customer's saved products, added and removed idempotently, read as a connection.
import { and, eq } from 'drizzle-orm';
import { connectionOf, isId, ok, type ChangeRecord, type ConnectionArgs, type Db } from '@shop/kit';
import { memberFail, type MemberResult } from '../errors/index.js';
import { lockMember } from '../service.js';
import { wishlistItem, type WishlistItemRow } from './tables.js';

/** The most products one wishlist holds: enough for any shopper, a bound for a script. */
export const WISHLIST_MAX_ITEMS = 500;

/**
 * Puts a product on the member's wishlist; a product already there stays as it
 * was (same row, same date). WISHLIST_FULL past WISHLIST_MAX_ITEMS; PRODUCT_NOT_FOUND
 * for an id that cannot name a product. The product itself is not checked here
 * (members reads no catalog table): one that does not exist or is no longer
 * sold reads back as a null product. `tx` is the mutation's transaction; the
 * member row is locked so concurrent adds respect the cap.
 */
export async function addToWishlist(tx: Db, memberId: string, productId: string, changes: ChangeRecord[]): Promise<MemberResult<WishlistItemRow>> {
  if (!isId(productId)) return memberFail('PRODUCT_NOT_FOUND', ['input', 'productId']);
  await lockMember(tx, memberId);
  const [existing] = await tx
    .select()
    .from(wishlistItem)
    .where(and(eq(wishlistItem.memberId, memberId), eq(wishlistItem.productId, productId)));
  if (existing) return ok(existing);
  if ((await tx.$count(wishlistItem, eq(wishlistItem.memberId, memberId))) >= WISHLIST_MAX_ITEMS) {
    return memberFail('WISHLIST_FULL', ['input', 'productId'], { max: WISHLIST_MAX_ITEMS });
  }
  const [row] = await tx.insert(wishlistItem).values({ memberId, productId }).returning();
  changes.push({ entity: 'Member', id: memberId, before: {}, after: { wishlistAdded: productId } });
  return ok(row!);
}

/** Takes a product off the member's wishlist; one not there is no mistake. Returns whether it was there. */
export async function removeFromWishlist(tx: Db, memberId: string, productId: string, changes: ChangeRecord[]): Promise<MemberResult<boolean>> {
  if (!isId(productId)) return ok(false);
  const removed = await tx
    .delete(wishlistItem)
    .where(and(eq(wishlistItem.memberId, memberId), eq(wishlistItem.productId, productId)))
    .returning({ id: wishlistItem.id });
  if (removed.length) changes.push({ entity: 'Member', id: memberId, before: { wishlistRemoved: productId }, after: {} });
  return ok(removed.length > 0);
}

/** A member's wishlist, newest first. `tx` may be the pool. */
export function wishlistOf(tx: Db, memberId: string, args: ConnectionArgs) {
  const filter = eq(wishlistItem.memberId, memberId);
  return connectionOf(args, {
    sort: wishlistItem.createdAt,
    id: wishlistItem.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(wishlistItem).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: () => tx.$count(wishlistItem, filter),
  });
}
