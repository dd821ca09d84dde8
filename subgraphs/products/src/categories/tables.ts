// Categories: the category tree and which products are filed under each (drizzle.config.ts lists this file).
import { index, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { product, products } from '../tables.js';

/**
 * A category tree at most five levels deep. `path` holds the ids from the root
 * down to this category itself, so "a category and its descendants" is one
 * indexed `path @> array[id]` test and depth is the path's length.
 */
export const category = products.table(
  'category',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    handle: text('handle').notNull().unique(),
    path: uuid('path').array().notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('category_parent_idx').on(t.parentId, t.position), index('category_path_idx').using('gin', t.path)],
);

export const productCategory = products.table(
  'product_category',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => category.id),
  },
  (t) => [primaryKey({ columns: [t.productId, t.categoryId] }), index('product_category_category_idx').on(t.categoryId)],
);

export type CategoryRow = typeof category.$inferSelect;
