// What other domains may call in products: variants for checkout, purchases, stock status, uploads, product categories and collections, offerable products, report labels.
import { sql } from 'drizzle-orm';
import { anyId, isId, type Db } from '@shop/kit';
import { category, categoryLinksByProductIds, productCategory } from './categories/index.js';
import { collectionProduct } from './collections/index.js';
import { brand, product, productTranslation, upload, variant } from './tables.js';

/**
 * Variant ids by SKU, for other domains (stock's stocktake sheets name SKUs).
 * One query with one array parameter however many SKUs; unknown SKUs are absent.
 */
export async function variantIdsBySku(tx: Db, skus: readonly string[]): Promise<Map<string, string>> {
  if (!skus.length) return new Map();
  const rows = await tx
    .select({ id: variant.id, sku: variant.sku })
    .from(variant)
    .where(sql`${variant.sku} = any(${sql.param([...skus])}::text[])`);
  return new Map(rows.map((row) => [row.sku, row.id]));
}

/**
 * The ids of the categories each product is filed under (members keep them with
 * each order fact, for a member's favourite categories). One query with one
 * array parameter, in the caller's transaction; products without a category
 * and unknown ids are absent.
 */
export async function categoryIdsByProduct(tx: Db, productIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(productIds)].filter(isId);
  const byProduct = new Map<string, string[]>();
  if (!ids.length) return byProduct;
  for (const link of await categoryLinksByProductIds(tx, ids)) {
    byProduct.set(link.productId, [...(byProduct.get(link.productId) ?? []), link.categoryId]);
  }
  return byProduct;
}

/**
 * The ids of the collections each product is in (coupons' pricing scopes promotions by collection). One query
 * with one array parameter, in the caller's transaction; products in no collection and unknown ids are absent.
 */
export async function collectionIdsByProduct(tx: Db, productIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(productIds)].filter(isId);
  const byProduct = new Map<string, string[]>();
  if (!ids.length) return byProduct;
  const links = await tx
    .select({ productId: collectionProduct.productId, collectionId: collectionProduct.collectionId })
    .from(collectionProduct)
    .where(anyId(collectionProduct.productId, ids))
    .orderBy(collectionProduct.productId, collectionProduct.collectionId);
  for (const link of links) byProduct.set(link.productId, [...(byProduct.get(link.productId) ?? []), link.collectionId]);
  return byProduct;
}

/**
 * Which of these products a shopper may be offered now: ACTIVE and in stock
 * (products' own stock-status copy, which the stock ledger's job keeps current).
 * Members filter their recommendations with it. One query with one array
 * parameter; unknown and malformed ids are absent from the set.
 */
export async function offerableProductIds(tx: Db, productIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(productIds)].filter(isId);
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: product.id })
    .from(product)
    .where(sql`${product.id} = any(${sql.param(ids)}::uuid[]) and ${product.status} = 'ACTIVE' and ${product.inStock}`);
  return new Set(rows.map((row) => row.id));
}

/** Every ACTIVE product's id (reports' slow movers: a product that sold nothing is still a product on sale). One query. */
export async function activeProductIds(tx: Db): Promise<string[]> {
  return (await tx.select({ id: product.id }).from(product).where(sql`${product.status} = 'ACTIVE'`)).map((row) => row.id);
}

/** What checkout needs to know about one variant, read inside the order transaction. */
export interface CheckoutVariant {
  variantId: string;
  productId: string;
  sku: string;
  productTitle: string;
  variantTitle: string;
  options: { name: string; value: string }[];
  priceMinor: bigint;
  currencyCode: string;
  /** The product is ACTIVE (drafts and archived products cannot be bought). */
  sellable: boolean;
}

/**
 * Variants with their product's title and status, for checkout (orders domain),
 * in the caller's transaction. Unknown or malformed ids are absent from the map.
 */
export async function variantsForCheckout(tx: Db, variantIds: readonly string[]): Promise<Map<string, CheckoutVariant>> {
  if (!variantIds.length) return new Map();
  const rows = await tx
    .select({
      variantId: variant.id,
      productId: variant.productId,
      sku: variant.sku,
      variantTitle: variant.title,
      optionValues: variant.optionValues,
      priceMinor: variant.priceMinor,
      currencyCode: variant.currencyCode,
      productTitle: product.title,
      options: product.options,
      status: product.status,
    })
    .from(variant)
    .innerJoin(product, sql`${product.id} = ${variant.productId}`)
    .where(anyId(variant.id, variantIds));
  return new Map(
    rows.map((row) => [
      row.variantId,
      {
        variantId: row.variantId,
        productId: row.productId,
        sku: row.sku,
        productTitle: row.productTitle,
        variantTitle: row.variantTitle,
        options: row.options.map((option, i) => ({ name: option.name, value: row.optionValues[i] ?? '' })),
        priceMinor: row.priceMinor,
        currencyCode: row.currencyCode.trim(),
        sellable: row.status === 'ACTIVE',
      },
    ]),
  );
}

/**
 * Records that a customer bought these variants, which opens reviews of their
 * products to them. The orders domain calls it in the transaction that marks
 * an order PAID (never at checkout: an unpaid order entitles no review).
 * Idempotent; unknown variant ids are ignored.
 */
export async function recordPurchases(tx: Db, memberId: string, variantIds: readonly string[]): Promise<void> {
  const ids = [...new Set(variantIds)].filter(isId);
  if (!ids.length) return;
  await tx.execute(sql`
    insert into products.purchase (member_id, variant_id, product_id)
    select ${memberId}, v.id, v.product_id from products.variant v where v.id = any(${sql.param(ids)}::uuid[])
    on conflict do nothing`);
}

/**
 * Withdraws purchases (orders domain, in the transaction that cancels a paid
 * order) of variants the customer holds no other paid order for: the orders
 * domain decides which. A review already written stays. Unknown ids are ignored.
 */
export async function withdrawPurchases(tx: Db, memberId: string, variantIds: readonly string[]): Promise<void> {
  const ids = [...new Set(variantIds)].filter(isId);
  if (!ids.length) return;
  await tx.execute(sql`
    delete from products.purchase where member_id = ${memberId} and variant_id = any(${sql.param(ids)}::uuid[])`);
}

/**
 * Stock availability from the stock domain (its availability feed, after a
 * movement): sets each variant's in_stock and recomputes its product's.
 * `available` is the sum over active warehouses. Unknown variants are ignored.
 */
export async function setStockStatus(
  tx: Db,
  levels: readonly { variantId: string; available: number }[],
): Promise<void> {
  const known = levels.filter((l) => isId(l.variantId));
  if (!known.length) return;
  const changed = await tx.execute<{ product_id: string }>(sql`
    update products.variant v set in_stock = input.in_stock
    from json_to_recordset(${JSON.stringify(known.map((l) => ({ variant_id: l.variantId, in_stock: l.available > 0 })))}::json)
      as input(variant_id uuid, in_stock boolean)
    where v.id = input.variant_id and v.in_stock is distinct from input.in_stock
    returning v.product_id`);
  const productIds = [...new Set(changed.map((row) => row.product_id))];
  if (!productIds.length) return;
  // A second statement: a data-modifying CTE's changes are invisible to the rest of its statement.
  await tx.execute(sql`
    update products.product p
    set in_stock = exists (select 1 from products.variant v where v.product_id = p.id and v.in_stock)
    where p.id = any(${sql.param(productIds)}::uuid[])`);
}

/**
 * Records a file the gateway stored for POST /media, so product media may
 * point at it. Called by the gateway's upload route with the pool.
 */
export async function recordUpload(
  tx: Db,
  file: { url: string; contentType: string; byteSize: number; uploadedBy: string | null },
): Promise<void> {
  await tx.insert(upload).values(file).onConflictDoNothing();
}

/** What reports show for a product key: its title in one locale, its category and its brand. */
export interface ProductReportLabel {
  title: string;
  /** The first category it is filed under (by the category's position), or null. */
  categoryId: string | null;
  categoryName: string | null;
  brandId: string | null;
  brandName: string | null;
}

/**
 * Labels and groupings of products for reports' keys, the title in `locale`
 * (English, the base fields, when it has no translation). Two queries with
 * one array parameter each; unknown and malformed ids are absent.
 */
export async function productReportLabels(tx: Db, productIds: readonly string[], locale: string): Promise<Map<string, ProductReportLabel>> {
  const ids = [...new Set(productIds)].filter(isId);
  if (!ids.length) return new Map();
  const rows = await tx
    .select({
      id: product.id,
      title: sql<string>`coalesce(${productTranslation.title}, ${product.title})`,
      brandId: product.brandId,
      brandName: brand.name,
    })
    .from(product)
    .leftJoin(brand, sql`${brand.id} = ${product.brandId}`)
    .leftJoin(productTranslation, sql`${productTranslation.productId} = ${product.id} and ${productTranslation.locale} = ${locale}`)
    .where(anyId(product.id, ids));
  const categories = await tx
    .selectDistinctOn([productCategory.productId], { productId: productCategory.productId, id: category.id, name: category.name })
    .from(productCategory)
    .innerJoin(category, sql`${category.id} = ${productCategory.categoryId}`)
    .where(anyId(productCategory.productId, ids))
    .orderBy(productCategory.productId, category.position, category.id);
  const categoryOf = new Map(categories.map((row) => [row.productId, row] as const));
  return new Map(
    rows.map((row) => {
      const filed = categoryOf.get(row.id);
      return [row.id, { title: row.title, categoryId: filed?.id ?? null, categoryName: filed?.name ?? null, brandId: row.brandId, brandName: row.brandName }];
    }),
  );
}
