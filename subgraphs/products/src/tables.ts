// The products schema and the tables of the product: brands, products, variants, translations, media, uploads.
// Sub-areas keep their own tables (categories/, collections/, reviews/, bulk/ tables.ts; drizzle.config.ts lists them).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const products = pgSchema('products');

export const productStatus = products.enum('product_status', ['DRAFT', 'ACTIVE', 'ARCHIVED']);

/** One option axis of a product (size, colour, material) and its ordered values. */
export interface ProductOption {
  name: string;
  values: string[];
}

export const brand = products.table('brand', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  ...timestamps,
});

export const product = products.table(
  'product',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    handle: text('handle').notNull().unique(),
    status: productStatus('status').notNull().default('DRAFT'),
    /** Sanitised HTML (service.ts cleans it on every write). */
    descriptionHtml: text('description_html').notNull().default(''),
    brandId: uuid('brand_id').references(() => brand.id),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    /** Option axes in display order; each variant holds one value per axis. */
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Lowest variant price, kept by the service so PRICE sorting and price filters use an index. */
    minPriceMinor: bigint('min_price_minor', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Whether any variant has stock available; fed by the stock domain (setStockStatus). */
    inStock: boolean('in_stock').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('product_created_idx').on(t.createdAt, t.id),
    index('product_updated_idx').on(t.updatedAt, t.id),
    index('product_title_idx').on(t.title, t.id),
    index('product_price_idx').on(t.minPriceMinor, t.id),
    index('product_brand_idx').on(t.brandId),
    index('product_tags_idx').using('gin', t.tags),
    // Trigram index: substring search that works for Thai and Chinese, which have no spaces.
    index('product_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('product_handle_trgm_idx').using('gin', sql`lower(${t.handle}) gin_trgm_ops`),
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
    /** One value per product option axis, in axis order. */
    optionValues: text('option_values').array().notNull().default(sql`'{}'::text[]`),
    barcode: text('barcode'),
    weightGrams: integer('weight_grams'),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    compareAtMinor: bigint('compare_at_minor', { mode: 'bigint' }),
    /** What one unit costs the shop, in the price's currency; null until purchasing records it. */
    costMinor: bigint('cost_minor', { mode: 'bigint' }),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    position: integer('position').notNull().default(0),
    /** Units available over active warehouses > 0; fed by the stock domain (setStockStatus). */
    inStock: boolean('in_stock').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('variant_product_idx').on(t.productId, t.position),
    index('variant_barcode_idx').on(t.barcode),
    // On lower(sku), not sku: a trigram index on the column would also be chosen for `sku = any($1)`.
    index('variant_sku_trgm_idx').using('gin', sql`lower(${t.sku}) gin_trgm_ops`),
  ],
);

/** Title, description and SEO text in one locale other than the base (English) fields. */
export const productTranslation = products.table(
  'product_translation',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id),
    locale: text('locale').notNull(),
    title: text('title'),
    descriptionHtml: text('description_html'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locale] }),
    index('product_translation_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

/** Images of a product, in display order; `url` names a file uploaded through POST /media. */
export const media = products.table(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => product.id),
    url: text('url').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull(),
    ...timestamps,
  },
  (t) => [index('media_product_idx').on(t.productId, t.position)],
);

/** Files accepted by the gateway's POST /media; media may only point at these. */
export const upload = products.table('upload', {
  url: text('url').primaryKey(),
  contentType: text('content_type').notNull(),
  byteSize: integer('byte_size').notNull(),
  uploadedBy: text('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
});

export type ProductRow = typeof product.$inferSelect;
export type VariantRow = typeof variant.$inferSelect;
export type TranslationRow = typeof productTranslation.$inferSelect;
export type MediaRow = typeof media.$inferSelect;
export type BrandRow = typeof brand.$inferSelect;
