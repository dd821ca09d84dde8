// Collections: hand-picked groups of products (drizzle.config.ts lists this file).
import { index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { product, products } from '../tables.js';

export const collection = products.table('collection', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  handle: text('handle').notNull().unique(),
  descriptionHtml: text('description_html').notNull().default(''),
  ...timestamps,
});

export const collectionProduct = products.table(
  'collection_product',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collection.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index('collection_product_product_idx').on(t.productId),
  ],
);

export type CollectionRow = typeof collection.$inferSelect;
