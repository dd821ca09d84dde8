// The product's service: reads here (the filtered, sorted list, lookups of products, variants and their parts);
// the writes are the product editor's (editor/), re-exported below so the product's service is reached from this file.
import { and, asc, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import {
  anyId,
  codedError,
  connectionOf,
  DEFAULT_CURRENCY,
  isId,
  parseDecimal,
  type ConnectionArgs,
  type Db,
} from '@shop/kit';
import { category, productCategory } from './categories/index.js';
import { collectionProduct } from './collections/index.js';
import { type Locale } from './content/index.js';
import { containsPattern } from './input/index.js';
import { brand, media, product, productTranslation, variant, type ProductRow } from './tables.js';

export {
  archiveProducts,
  changeStatus,
  changeTags,
  productForUpdate,
  saveProduct,
  updateVariants,
  type ProductInput,
  type VariantBulkInput,
} from './editor/index.js';

/** A product row and the locale its texts are answered in (set by the root field that asked for one). */
export type ProductNode = ProductRow & { locale?: Locale };

export interface ProductFilter {
  query?: string | null;
  status?: ProductRow['status'][] | null;
  categoryId?: string | null;
  collectionId?: string | null;
  tag?: string | null;
  brandId?: string | null;
  minPrice?: string | null;
  maxPrice?: string | null;
  stockStatus?: 'IN_STOCK' | 'OUT_OF_STOCK' | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

export type ProductSortKey = 'CREATED_AT' | 'UPDATED_AT' | 'TITLE' | 'PRICE';

function priceBound(amount: string, argument: string): bigint {
  const minor = parseDecimal(amount, DEFAULT_CURRENCY);
  if (minor === null) throw codedError('BAD_USER_INPUT', `${argument} is not a decimal amount.`, { argument });
  return minor;
}

/** An id that cannot exist: a filter on a malformed id matches nothing rather than failing the uuid cast. */
const NO_ID = '00000000-0000-0000-0000-000000000000';
const filterId = (id: string) => (isId(id) ? id : NO_ID);

function filterSql(filter: ProductFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.status?.length) conditions.push(inArray(product.status, filter.status));
  const text = filter.query?.trim();
  if (text) {
    const pattern = containsPattern(text);
    // A union, not an OR: each branch uses its own trigram index (title, handle, translation
    // title, SKU), so a rare Thai or Chinese substring does not scan the whole catalog. Handle
    // and SKU are indexed as lower(...): a trigram index on the column itself also serves `=`,
    // and the planner chose it over the unique btree for `sku = any($1)` (seconds, not ms).
    conditions.push(sql`${product.id} in (
      select matched.id from ${product} matched where matched.title ilike ${pattern}
      union select matched.id from ${product} matched where lower(matched.handle) ilike ${pattern}
      union select ${productTranslation.productId} from ${productTranslation} where ${productTranslation.title} ilike ${pattern}
      union select ${variant.productId} from ${variant} where lower(${variant.sku}) ilike ${pattern} or ${variant.barcode} = ${text})`);
  }
  if (filter.categoryId) {
    conditions.push(sql`${product.id} in (select ${productCategory.productId} from ${productCategory}
      join ${category} on ${category.id} = ${productCategory.categoryId}
      where ${category.path} @> array[${filterId(filter.categoryId)}]::uuid[])`);
  }
  if (filter.collectionId) {
    conditions.push(sql`${product.id} in (select ${collectionProduct.productId} from ${collectionProduct}
      where ${collectionProduct.collectionId} = ${filterId(filter.collectionId)})`);
  }
  const tag = filter.tag?.trim().toLowerCase();
  if (tag) conditions.push(sql`${product.tags} @> array[${tag}]::text[]`);
  if (filter.brandId) conditions.push(eq(product.brandId, filterId(filter.brandId)));
  if (filter.minPrice != null) conditions.push(gte(product.minPriceMinor, priceBound(filter.minPrice, 'minPrice')));
  if (filter.maxPrice != null) conditions.push(lte(product.minPriceMinor, priceBound(filter.maxPrice, 'maxPrice')));
  if (filter.stockStatus) conditions.push(eq(product.inStock, filter.stockStatus === 'IN_STOCK'));
  if (filter.createdAfter) conditions.push(gte(product.createdAt, filter.createdAfter));
  if (filter.createdBefore) conditions.push(lt(product.createdAt, filter.createdBefore));
  return and(...conditions);
}

const SORT_COLUMNS = {
  CREATED_AT: product.createdAt,
  UPDATED_AT: product.updatedAt,
  TITLE: product.title,
  PRICE: product.minPriceMinor,
} as const;

/** Newest and most recently changed first; titles A to Z; cheapest first. */
const DESCENDING_BY_DEFAULT: Record<ProductSortKey, boolean> = {
  CREATED_AT: true,
  UPDATED_AT: true,
  TITLE: false,
  PRICE: false,
};

function sortValue(row: ProductRow, sortKey: ProductSortKey): string {
  switch (sortKey) {
    case 'CREATED_AT':
      return row.createdAt.toISOString();
    case 'UPDATED_AT':
      return row.updatedAt.toISOString();
    case 'TITLE':
      return row.title;
    case 'PRICE':
      return row.minPriceMinor.toString();
  }
}

/**
 * One keyset page of products over an index per sort key; the count runs
 * only when the client asks for totalCount. `tx` may be the pool.
 */
export async function listProducts(
  tx: Db,
  args: ConnectionArgs & { filter?: ProductFilter | null; sortKey?: ProductSortKey | null; reverse?: boolean | null },
  /** Storefront callers see only what is on sale: drafts and archived products stay in the back office. */
  visibility: { activeOnly: boolean } = { activeOnly: false },
) {
  const sortKey = args.sortKey ?? 'CREATED_AT';
  const filter = and(filterSql(args.filter), visibility.activeOnly ? eq(product.status, 'ACTIVE') : undefined);
  return connectionOf(args, {
    sort: SORT_COLUMNS[sortKey],
    id: product.id,
    descending: DESCENDING_BY_DEFAULT[sortKey] !== Boolean(args.reverse),
    filter,
    rows: (page) => tx.select().from(product).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: sortValue(row, sortKey), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(product).where(filter))[0]!.n,
  });
}

export function productsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(product).where(anyId(product.id, ids));
}

export function productsByHandles(tx: Db, handles: readonly string[]) {
  return tx.select().from(product).where(sql`${product.handle} = any(${sql.param([...handles])}::text[])`);
}

export function variantsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(variant).where(anyId(variant.id, ids));
}

export function variantsByProductIds(tx: Db, productIds: readonly string[]) {
  return tx
    .select()
    .from(variant)
    .where(anyId(variant.productId, productIds))
    .orderBy(variant.productId, variant.position, variant.id);
}

export function translationsByProductIds(tx: Db, productIds: readonly string[]) {
  return tx
    .select()
    .from(productTranslation)
    .where(anyId(productTranslation.productId, productIds))
    .orderBy(productTranslation.productId, productTranslation.locale);
}

export function mediaByProductIds(tx: Db, productIds: readonly string[]) {
  return tx.select().from(media).where(anyId(media.productId, productIds)).orderBy(media.productId, media.position);
}

export function brandsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(brand).where(anyId(brand.id, ids));
}

export function allBrands(tx: Db) {
  return tx.select().from(brand).orderBy(asc(brand.name));
}
