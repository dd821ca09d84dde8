// Reviews: customers' reviews and the purchases that entitle them (drizzle.config.ts lists this file).
import { index, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { product, products } from '../tables.js';

export const reviewStatus = products.enum('review_status', ['PENDING', 'APPROVED', 'REJECTED']);

/**
 * Who bought which variant, fed by the orders domain at checkout
 * (commands.recordPurchases): reviews are open only to buyers, and a domain
 * reads only its own schema.
 */
export const purchase = products.table(
  'purchase',
  {
    memberId: text('member_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.variantId] }), index('purchase_member_product_idx').on(t.memberId, t.productId)],
);

export const review = products.table(
  'review',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id),
    memberId: text('member_id').notNull(),
    rating: smallint('rating').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    status: reviewStatus('status').notNull().default('PENDING'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'date', precision: 3 }),
    ...timestamps,
  },
  (t) => [
    // One review per customer per product.
    uniqueIndex('review_member_product_idx').on(t.memberId, t.productId),
    index('review_product_status_idx').on(t.productId, t.status, t.createdAt),
    index('review_created_idx').on(t.createdAt, t.id),
  ],
);

export type ReviewRow = typeof review.$inferSelect;
