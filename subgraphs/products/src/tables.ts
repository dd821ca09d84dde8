import { bigint, char, index, integer, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const products = pgSchema('products');

export const productStatus = products.enum('product_status', ['DRAFT', 'ACTIVE', 'ARCHIVED']);

export const product = products.table(
  'product',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    handle: text('handle').notNull().unique(),
    status: productStatus('status').notNull().default('DRAFT'),
    ...timestamps,
  },
  (t) => [
    index('product_created_idx').on(t.createdAt, t.id),
    index('product_title_idx').on(t.title, t.id),
    // Trigram index: substring search that works for Thai and Chinese, which have no spaces.
    index('product_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

export const variant = products.table(
  'variant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id),
    sku: text('sku').notNull().unique(),
    title: text('title').notNull(),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    /** What one unit costs the shop, in the price's currency; null until purchasing records it. */
    costMinor: bigint('cost_minor', { mode: 'bigint' }),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('variant_product_idx').on(t.productId, t.position)],
);

export type ProductRow = typeof product.$inferSelect;
export type VariantRow = typeof variant.$inferSelect;
