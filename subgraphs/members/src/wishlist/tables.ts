// Table of wishlists: the products a member saved for later, one row per member and product.
import { index, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { member, members } from '../tables.js';

/** A product on a member's wishlist; the product id is products' (no foreign key across schemas). */
export const wishlistItem = members.table(
  'wishlist_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => member.id),
    productId: uuid('product_id').notNull(),
    // Millisecond precision: the keyset cursor carries a JS Date (as member.created_at).
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // A product is on a wishlist once: adding it again changes nothing.
    uniqueIndex('wishlist_item_member_product_idx').on(t.memberId, t.productId),
    // Keyset pages of a member's wishlist, newest first.
    index('wishlist_item_member_created_idx').on(t.memberId, t.createdAt, t.id),
  ],
);

export type WishlistItemRow = typeof wishlistItem.$inferSelect;
