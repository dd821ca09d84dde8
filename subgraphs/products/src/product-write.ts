// Product writes: save, status, archive, tags and variant updates.
import { and, eq, ne, sql } from 'drizzle-orm';
import { anyId, changeOf, DEFAULT_CURRENCY, failWith, isId, ok, type ChangeRecord, type Db, type Result } from '@shop/kit';
import { generateHandle, handleFrom, handleTaken } from './url-handles.js';
import { LIMITS } from './limits.js';
import {
  cleanBarcode,
  cleanDescription,
  cleanHandle,
  cleanOptions,
  cleanPrice,
  cleanSeo,
  cleanSku,
  cleanTags,
  cleanTitle,
  cleanTranslations,
  cleanWeight,
  combinations,
  Problems,
  variantTitle,
  type CatalogErrorCode,
  type CleanTranslation,
  type TranslationInput,
} from './product-input.js';
import {
  brand,
  category,
  collection,
  collectionProduct,
  media,
  product,
  productCategory,
  productTranslation,
  upload,
  variant,
  type ProductOption,
  type ProductRow,
  type VariantRow,
} from './tables.js';

type Field = (string | number)[];

export interface VariantInput {
  id?: string | null;
  sku?: string | null;
  options?: string[] | null;
  barcode?: string | null;
  weightGrams?: number | null;
  price?: string | null;
  compareAtPrice?: string | null;
  costPrice?: string | null;
}

export interface ProductInput {
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  brand?: string | null;
  status?: ProductRow['status'] | null;
  options?: ProductOption[] | null;
  variants?: VariantInput[] | null;
  /** Price of generated variants (create without variants). */
  price?: string | null;
  media?: { url: string; alt?: string | null }[] | null;
  categoryIds?: string[] | null;
  collectionIds?: string[] | null;
  tags?: string[] | null;
  seo?: { title?: string | null; description?: string | null } | null;
  translations?: TranslationInput[] | null;
}

export type CatalogResult<T> = Result<T, CatalogErrorCode>;

/** A variant as it will be saved: `existing` when it keeps its id. */
interface PlannedVariant {
  existing: VariantRow | null;
  sku: string;
  optionValues: string[];
  barcode: string | null;
  weightGrams: number | null;
  priceMinor: bigint;
  compareAtMinor: bigint | null;
  costMinor: bigint | null;
}

/** A field the input may set to a value, clear with null, or leave out (undefined keeps the old value). */
function keep<T>(given: T | null | undefined, clean: (value: T) => unknown, old: unknown): unknown {
  if (given === undefined) return old;
  return given === null ? null : clean(given);
}

/** Matches input entries to existing variants (by id, else SKU) and checks each entry. */
function planVariants(
  p: Problems,
  entries: readonly VariantInput[],
  existing: readonly VariantRow[],
  options: readonly ProductOption[],
  currency: string,
  handle: string,
): PlannedVariant[] {
  if (entries.length > LIMITS.maxVariants) {
    p.add('TOO_MANY_VARIANTS', `At most ${LIMITS.maxVariants} variants.`, ['variants']);
  }
  const claimed = new Set<string>();
  return entries.map((entry, i) => {
    const path: Field = ['variants', i];
    let match: VariantRow | null = null;
    if (entry.id != null) {
      match = existing.find((v) => v.id === entry.id) ?? null;
      if (!match) p.add('UNKNOWN_VARIANT', 'No such variant of this product.', [...path, 'id']);
    } else if (entry.sku) {
      match = existing.find((v) => v.sku === entry.sku!.trim() && !claimed.has(v.id)) ?? null;
    }
    if (match && claimed.has(match.id)) p.add('DUPLICATE_VARIANT', 'This variant is listed twice.', [...path, 'id']);
    if (match) claimed.add(match.id);
    const optionValues = (entry.options ?? match?.optionValues ?? []).map((v) => v.trim());
    const fits = optionValues.length === options.length && optionValues.every((v, a) => options[a]!.values.includes(v));
    if (!fits) {
      p.add('VARIANT_OPTIONS_MISMATCH', `Give one value of each option (${options.map((o) => o.name).join(', ') || 'none'}).`, [...path, 'options']);
    }
    const sku = entry.sku != null ? cleanSku(p, entry.sku, [...path, 'sku']) : (match?.sku ?? generatedSku(handle, optionValues, i));
    let priceMinor = entry.price != null ? cleanPrice(p, entry.price, currency, [...path, 'price']) : (match?.priceMinor ?? null);
    if (priceMinor === null && entry.price == null) {
      p.add('INVALID_PRICE', 'A new variant needs a price.', [...path, 'price']);
    }
    priceMinor ??= 0n;
    return {
      existing: match,
      sku,
      optionValues,
      barcode: keep(entry.barcode, (v: string) => cleanBarcode(p, v, [...path, 'barcode']), match?.barcode ?? null) as string | null,
      weightGrams: keep(entry.weightGrams, (v: number) => cleanWeight(p, v, [...path, 'weightGrams']), match?.weightGrams ?? null) as number | null,
      priceMinor,
      compareAtMinor: keep(entry.compareAtPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'compareAtPrice']), match?.compareAtMinor ?? null) as bigint | null,
      costMinor: keep(entry.costPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'costPrice']), match?.costMinor ?? null) as bigint | null,
    };
  });
}

/**
 * A SKU for a variant the operator left blank: the handle and the option values,
 * transliterated like handles (أحمر → "ahmr"), so non-Latin values give distinct SKUs;
 * a value with nothing to transliterate (an emoji) stands as its variant's position.
 */
function generatedSku(handle: string, values: readonly string[], position: number): string {
  const parts = [handle, ...values.map((value) => handleFrom(value) || `v${position + 1}`)];
  return parts.filter(Boolean).join('-').toUpperCase().slice(0, LIMITS.skuMaxLength);
}

/** SKUs repeated within the plan, or held by another product's variant. */
async function checkSkus(tx: Db, p: Problems, planned: readonly PlannedVariant[], productId: string | null): Promise<void> {
  const firstAt = new Map<string, number>();
  planned.forEach((v, i) => {
    if (firstAt.has(v.sku)) p.add('DUPLICATE_SKU', `SKU ${v.sku} is listed twice.`, ['variants', i, 'sku']);
    else firstAt.set(v.sku, i);
  });
  if (!planned.length) return;
  const held = await tx
    .select({ sku: variant.sku })
    .from(variant)
    .where(
      and(
        sql`${variant.sku} = any(${sql.param(planned.map((v) => v.sku))}::text[])`,
        productId ? ne(variant.productId, productId) : undefined,
      ),
    );
  for (const { sku } of held) p.add('DUPLICATE_SKU', `SKU ${sku} belongs to another product.`, ['variants', firstAt.get(sku)!, 'sku']);
}

async function checkIds(
  tx: Db,
  p: Problems,
  table: typeof category | typeof collection,
  ids: readonly string[],
  code: CatalogErrorCode,
  field: string,
): Promise<string[]> {
  const found = new Set((await tx.select({ id: table.id }).from(table).where(anyId(table.id, ids))).map((r) => r.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) p.add(code, `No ${field === 'categoryIds' ? 'category' : 'collection'} ${id}.`, [field, i]);
  });
  return [...new Set(ids)];
}

async function checkMedia(tx: Db, p: Problems, items: NonNullable<ProductInput['media']>) {
  const urls = items.map((m) => m.url.trim());
  const known = new Set(
    (await tx.select({ url: upload.url }).from(upload).where(sql`${upload.url} = any(${sql.param(urls)}::text[])`)).map((r) => r.url),
  );
  return items.map((item, i) => {
    if (!known.has(urls[i]!)) p.add('UNKNOWN_MEDIA', 'Upload the image through POST /media first.', ['media', i, 'url']);
    const alt = item.alt?.trim() ?? '';
    if (alt.length > LIMITS.altMaxLength) p.add('INVALID_TITLE', `Alt text: at most ${LIMITS.altMaxLength} characters.`, ['media', i, 'alt']);
    return { url: urls[i]!, alt };
  });
}

async function brandIdFor(tx: Db, name: string): Promise<string> {
  await tx.insert(brand).values({ name }).onConflictDoNothing({ target: brand.name });
  const [row] = await tx.select({ id: brand.id }).from(brand).where(eq(brand.name, name));
  return row!.id;
}

/** What the audit log keeps of a product: the editable fields, children as short lists. */
async function snapshot(tx: Db, id: string): Promise<Record<string, unknown>> {
  const [row] = await tx.select().from(product).where(eq(product.id, id));
  const variants = await tx.select().from(variant).where(eq(variant.productId, id)).orderBy(variant.position);
  const categories = await tx.select().from(productCategory).where(eq(productCategory.productId, id)).orderBy(productCategory.categoryId);
  const collections = await tx.select().from(collectionProduct).where(eq(collectionProduct.productId, id)).orderBy(collectionProduct.collectionId);
  const images = await tx.select().from(media).where(eq(media.productId, id)).orderBy(media.position);
  const translations = await tx.select().from(productTranslation).where(eq(productTranslation.productId, id)).orderBy(productTranslation.locale);
  return {
    title: row!.title,
    handle: row!.handle,
    status: row!.status,
    descriptionHtml: row!.descriptionHtml,
    brandId: row!.brandId,
    seoTitle: row!.seoTitle,
    seoDescription: row!.seoDescription,
    tags: row!.tags,
    options: row!.options,
    variants: variants.map((v) => ({ id: v.id, sku: v.sku, price: v.priceMinor.toString(), compareAt: v.compareAtMinor?.toString() ?? null })),
    categoryIds: categories.map((c) => c.categoryId),
    collectionIds: collections.map((c) => c.collectionId),
    media: images.map((m) => ({ url: m.url, alt: m.alt })),
    translations: translations.map((t) => ({ locale: t.locale, title: t.title, seoTitle: t.seoTitle })),
  };
}

/** min_price_minor and in_stock follow the variants: recomputed after any variant write. */
async function refreshDerived(tx: Db, productIds: readonly string[]): Promise<void> {
  if (!productIds.length) return;
  await tx.execute(sql`update products.product p set
      min_price_minor = coalesce((select min(v.price_minor) from products.variant v where v.product_id = p.id), 0),
      in_stock = exists (select 1 from products.variant v where v.product_id = p.id and v.in_stock)
    where p.id = any(${sql.param([...productIds])}::uuid[])`);
}

async function writeVariants(tx: Db, productId: string, planned: readonly PlannedVariant[], existing: readonly VariantRow[]) {
  const kept = new Set(planned.flatMap((v) => (v.existing ? [v.existing.id] : [])));
  const removed = existing.filter((v) => !kept.has(v.id)).map((v) => v.id);
  if (removed.length) await tx.delete(variant).where(anyId(variant.id, removed));
  // SKUs may swap between kept variants: park the changing ones on their (unique) ids first.
  const renamed = planned.filter((v) => v.existing && v.existing.sku !== v.sku).map((v) => v.existing!.id);
  if (renamed.length) await tx.execute(sql`update products.variant set sku = id::text where id = any(${sql.param(renamed)}::uuid[])`);
  for (const [position, v] of planned.entries()) {
    const values = {
      sku: v.sku,
      title: variantTitle(v.optionValues),
      optionValues: v.optionValues,
      barcode: v.barcode,
      weightGrams: v.weightGrams,
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      costMinor: v.costMinor,
      position,
    };
    if (v.existing) await tx.update(variant).set({ ...values, updatedAt: new Date() }).where(eq(variant.id, v.existing.id));
    else await tx.insert(variant).values({ ...values, productId, currencyCode: DEFAULT_CURRENCY });
  }
}

async function writeTranslations(tx: Db, productId: string, translations: readonly CleanTranslation[]) {
  for (const t of translations) {
    const empty = !t.title && !t.descriptionHtml && !t.seoTitle && !t.seoDescription;
    if (empty) {
      await tx.delete(productTranslation).where(and(eq(productTranslation.productId, productId), eq(productTranslation.locale, t.locale)));
      continue;
    }
    const values = { title: t.title, descriptionHtml: t.descriptionHtml, seoTitle: t.seoTitle, seoDescription: t.seoDescription };
    await tx
      .insert(productTranslation)
      .values({ productId, locale: t.locale, ...values })
      .onConflictDoUpdate({ target: [productTranslation.productId, productTranslation.locale], set: { ...values, updatedAt: new Date() } });
  }
}

/**
 * Creates (existing = null) or updates a product with everything that hangs
 * off it, in the caller's transaction. Every check runs before the first
 * write, so a refused input writes nothing; updates append their before/after
 * to `changes`.
 */
export async function saveProduct(
  tx: Db,
  existing: ProductRow | null,
  input: ProductInput,
  changes: ChangeRecord[],
): Promise<CatalogResult<ProductRow>> {
  const p = new Problems();
  const currency = DEFAULT_CURRENCY;
  const title = input.title != null ? cleanTitle(p, input.title, ['title']) : existing?.title;
  if (!existing && input.title == null) p.add('INVALID_TITLE', 'A product needs a title.', ['title']);
  let handle = existing?.handle ?? '';
  if (input.handle != null) {
    handle = cleanHandle(p, input.handle, ['handle']);
    if (!p.any && (await handleTaken(tx, 'product', handle, existing?.id ?? null))) {
      p.add('HANDLE_TAKEN', 'Another product has this handle.', ['handle']);
    }
  } else if (!existing && title) {
    handle = await generateHandle(tx, 'product', title, 'product');
  }
  const descriptionHtml = input.descriptionHtml != null ? cleanDescription(p, input.descriptionHtml, ['descriptionHtml']) : undefined;
  const brandName = input.brand?.trim();
  if (brandName && brandName.length > 120) p.add('INVALID_TITLE', 'Brand: at most 120 characters.', ['brand']);
  const options = input.options ? cleanOptions(p, input.options, ['options']) : (existing?.options ?? []);
  const existingVariants = existing
    ? await tx.select().from(variant).where(eq(variant.productId, existing.id)).orderBy(variant.position)
    : [];

  let planned: PlannedVariant[] | null = null;
  if (input.variants) {
    planned = planVariants(p, input.variants, existingVariants, options, currency, handle);
  } else if (!existing) {
    const combos = combinations(options);
    if (combos.length > LIMITS.maxVariants) {
      p.add('TOO_MANY_VARIANTS', `${combos.length} combinations; at most ${LIMITS.maxVariants} variants.`, ['options']);
    }
    const priceMinor = cleanPrice(p, input.price, currency, ['price']) ?? 0n;
    planned = combos.slice(0, LIMITS.maxVariants).map((values, index) => ({
      existing: null, sku: generatedSku(handle, values, index), optionValues: values,
      barcode: null, weightGrams: null, priceMinor, compareAtMinor: null, costMinor: null,
    }));
  } else if (input.options) {
    const misfit = existingVariants.some(
      (v) => v.optionValues.length !== options.length || v.optionValues.some((value, a) => !options[a]!.values.includes(value)),
    );
    if (misfit) p.add('VARIANT_OPTIONS_MISMATCH', 'The variants do not match these options; send the variants too.', ['options']);
  }
  if (planned) {
    const combos = new Set<string>();
    planned.forEach((v, i) => {
      const key = JSON.stringify(v.optionValues);
      if (combos.has(key)) p.add('DUPLICATE_VARIANT', 'Another variant has the same options.', ['variants', i, 'options']);
      combos.add(key);
    });
    await checkSkus(tx, p, planned, existing?.id ?? null);
  }
  const mediaItems = input.media ? await checkMedia(tx, p, input.media) : null;
  const categoryIds = input.categoryIds ? await checkIds(tx, p, category, input.categoryIds, 'UNKNOWN_CATEGORY', 'categoryIds') : null;
  const collectionIds = input.collectionIds
    ? await checkIds(tx, p, collection, input.collectionIds, 'UNKNOWN_COLLECTION', 'collectionIds')
    : null;
  const tags = input.tags ? cleanTags(p, input.tags, ['tags']) : undefined;
  const seoTitle = input.seo && input.seo.title !== undefined ? cleanSeo(p, input.seo.title, LIMITS.seoTitleMaxLength, ['seo', 'title']) : undefined;
  const seoDescription =
    input.seo && input.seo.description !== undefined
      ? cleanSeo(p, input.seo.description, LIMITS.seoDescriptionMaxLength, ['seo', 'description'])
      : undefined;
  const translations = input.translations ? cleanTranslations(p, input.translations, ['translations']) : [];
  if (p.any) return failWith(p.errors);

  const before = existing ? await snapshot(tx, existing.id) : null;
  const brandId = input.brand === undefined ? undefined : brandName ? await brandIdFor(tx, brandName) : null;
  const fields = {
    title: title!, handle, descriptionHtml, brandId, seoTitle, seoDescription, tags, options,
    status: input.status ?? undefined,
  };
  let productId: string;
  if (existing) {
    productId = existing.id;
    await tx.update(product).set({ ...fields, updatedAt: new Date() }).where(eq(product.id, productId));
  } else {
    const [row] = await tx.insert(product).values(fields).returning({ id: product.id });
    productId = row!.id;
  }
  if (planned) {
    await writeVariants(tx, productId, planned, existingVariants);
    await refreshDerived(tx, [productId]);
  }
  if (mediaItems) {
    await tx.delete(media).where(eq(media.productId, productId));
    if (mediaItems.length) await tx.insert(media).values(mediaItems.map((m, position) => ({ productId, ...m, position })));
  }
  if (categoryIds) {
    await tx.delete(productCategory).where(eq(productCategory.productId, productId));
    if (categoryIds.length) await tx.insert(productCategory).values(categoryIds.map((categoryId) => ({ productId, categoryId })));
  }
  if (collectionIds) {
    await tx.delete(collectionProduct).where(eq(collectionProduct.productId, productId));
    if (collectionIds.length) await tx.insert(collectionProduct).values(collectionIds.map((collectionId) => ({ productId, collectionId })));
  }
  await writeTranslations(tx, productId, translations);
  if (before) {
    const change = changeOf('Product', productId, before, await snapshot(tx, productId));
    if (change) changes.push(change);
  }
  const [saved] = await tx.select().from(product).where(eq(product.id, productId));
  return ok(saved!);
}

export async function productForUpdate(tx: Db, id: string): Promise<ProductRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select().from(product).where(eq(product.id, id)).for('update');
  return row ?? null;
}

/** Sets one product's status when it is in `from`; INVALID_STATUS otherwise. */
export async function changeStatus(
  tx: Db,
  id: string,
  from: readonly ProductRow['status'][],
  to: ProductRow['status'],
  changes: ChangeRecord[],
): Promise<CatalogResult<ProductRow>> {
  const p = new Problems();
  const row = await productForUpdate(tx, id);
  if (!row) {
    p.add('UNKNOWN_PRODUCT', `No product ${id}.`, ['id']);
    return failWith(p.errors);
  }
  if (!from.includes(row.status)) {
    p.add('INVALID_STATUS', `The product is ${row.status}.`, ['id']);
    return failWith(p.errors);
  }
  const [saved] = await tx.update(product).set({ status: to, updatedAt: new Date() }).where(eq(product.id, id)).returning();
  changes.push(changeOf('Product', id, { status: row.status }, { status: to })!);
  return ok(saved!);
}

/** Rows for many product ids, or UNKNOWN_PRODUCT at each unknown id's input path. */
async function productsForBulk(tx: Db, p: Problems, ids: readonly string[], field: string): Promise<ProductRow[]> {
  if (ids.length > LIMITS.maxBulkItems) p.add('TOO_MANY_ITEMS', `At most ${LIMITS.maxBulkItems} products at once.`, [field]);
  const rows = ids.length
    ? await tx.select().from(product).where(anyId(product.id, ids)).orderBy(product.id).for('update')
    : [];
  const found = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) p.add('UNKNOWN_PRODUCT', `No product ${id}.`, [field, i]);
  });
  return rows;
}

/** Archives every product named (those already archived stay so); all or none. */
export async function archiveProducts(tx: Db, ids: readonly string[], changes: ChangeRecord[]): Promise<CatalogResult<ProductRow[]>> {
  const p = new Problems();
  const rows = await productsForBulk(tx, p, ids, 'ids');
  if (p.any) return failWith(p.errors);
  for (const row of rows.filter((r) => r.status !== 'ARCHIVED')) {
    changes.push(changeOf('Product', row.id, { status: row.status }, { status: 'ARCHIVED' })!);
  }
  const saved = await tx
    .update(product)
    .set({ status: 'ARCHIVED', updatedAt: new Date() })
    .where(and(anyId(product.id, ids), ne(product.status, 'ARCHIVED')))
    .returning();
  const byId = new Map([...rows, ...saved].map((r) => [r.id, r]));
  return ok([...new Set(ids)].map((id) => byId.get(id)!));
}

/** Adds (or removes) tags on many products; tags are kept sorted and unique. */
export async function changeTags(
  tx: Db,
  input: { productIds: readonly string[]; tags: readonly string[] },
  mode: 'add' | 'remove',
  changes: ChangeRecord[],
): Promise<CatalogResult<ProductRow[]>> {
  const p = new Problems();
  const rows = await productsForBulk(tx, p, input.productIds, 'productIds');
  const tags = cleanTags(p, input.tags, ['tags']);
  if (p.any) return failWith(p.errors);
  const next = sql`array(select distinct t from unnest(${
    mode === 'add' ? sql`${product.tags} || ${sql.param(tags)}::text[]` : product.tags
  }) t where ${mode === 'add' ? sql`true` : sql`t <> all(${sql.param(tags)}::text[])`} order by t)`;
  const saved = await tx.update(product).set({ tags: next, updatedAt: new Date() }).where(anyId(product.id, input.productIds)).returning();
  const before = new Map(rows.map((r) => [r.id, r.tags]));
  for (const row of saved) {
    const change = changeOf('Product', row.id, { tags: before.get(row.id) }, { tags: row.tags });
    if (change) changes.push(change);
  }
  return ok(saved);
}

export interface VariantBulkInput {
  id: string;
  sku?: string | null;
  barcode?: string | null;
  weightGrams?: number | null;
  price?: string | null;
  compareAtPrice?: string | null;
  costPrice?: string | null;
}

/** Changes many variants in one go (prices, SKUs, barcodes, weights); all or none. */
export async function updateVariants(
  tx: Db,
  entries: readonly VariantBulkInput[],
  changes: ChangeRecord[],
): Promise<CatalogResult<VariantRow[]>> {
  const p = new Problems();
  if (entries.length > LIMITS.maxBulkItems) p.add('TOO_MANY_ITEMS', `At most ${LIMITS.maxBulkItems} variants at once.`, ['variants']);
  const ids = entries.map((e) => e.id);
  const rows = ids.length ? await tx.select().from(variant).where(anyId(variant.id, ids)).orderBy(variant.id).for('update') : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seenIds = new Set<string>();
  const planned = entries.map((entry, i) => {
    const path: Field = ['variants', i];
    const row = byId.get(entry.id);
    if (!row) p.add('UNKNOWN_VARIANT', `No variant ${entry.id}.`, [...path, 'id']);
    if (seenIds.has(entry.id)) p.add('DUPLICATE_VARIANT', 'This variant is listed twice.', [...path, 'id']);
    seenIds.add(entry.id);
    const currency = row?.currencyCode.trim() ?? DEFAULT_CURRENCY;
    return {
      id: entry.id,
      sku: entry.sku != null ? cleanSku(p, entry.sku, [...path, 'sku']) : row?.sku,
      barcode: keep(entry.barcode, (v: string) => cleanBarcode(p, v, [...path, 'barcode']), row?.barcode ?? null) as string | null,
      weightGrams: keep(entry.weightGrams, (v: number) => cleanWeight(p, v, [...path, 'weightGrams']), row?.weightGrams ?? null) as number | null,
      priceMinor: (entry.price != null ? cleanPrice(p, entry.price, currency, [...path, 'price']) : row?.priceMinor) ?? 0n,
      compareAtMinor: keep(entry.compareAtPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'compareAtPrice']), row?.compareAtMinor ?? null) as bigint | null,
      costMinor: keep(entry.costPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'costPrice']), row?.costMinor ?? null) as bigint | null,
    };
  });
  // SKUs must stay unique: within the input, and against variants the input does not touch.
  const firstAt = new Map<string, number>();
  planned.forEach((v, i) => {
    if (!v.sku) return;
    if (firstAt.has(v.sku)) p.add('DUPLICATE_SKU', `SKU ${v.sku} is listed twice.`, ['variants', i, 'sku']);
    else firstAt.set(v.sku, i);
  });
  if (firstAt.size) {
    const held = await tx
      .select({ sku: variant.sku })
      .from(variant)
      .where(and(sql`${variant.sku} = any(${sql.param([...firstAt.keys()])}::text[])`, sql`not (${anyId(variant.id, ids)})`));
    for (const { sku } of held) p.add('DUPLICATE_SKU', `SKU ${sku} belongs to another variant.`, ['variants', firstAt.get(sku)!, 'sku']);
  }
  if (p.any) return failWith(p.errors);

  const renamed = planned.filter((v) => byId.get(v.id)!.sku !== v.sku).map((v) => v.id);
  if (renamed.length) await tx.execute(sql`update products.variant set sku = id::text where id = any(${sql.param(renamed)}::uuid[])`);
  const saved: VariantRow[] = [];
  for (const v of planned) {
    const before = byId.get(v.id)!;
    const [row] = await tx
      .update(variant)
      .set({ sku: v.sku!, barcode: v.barcode, weightGrams: v.weightGrams, priceMinor: v.priceMinor,
        compareAtMinor: v.compareAtMinor, costMinor: v.costMinor, updatedAt: new Date() })
      .where(eq(variant.id, v.id))
      .returning();
    saved.push(row!);
    const pick = (r: VariantRow) => ({
      sku: r.sku, barcode: r.barcode, weightGrams: r.weightGrams, price: r.priceMinor.toString(),
      compareAt: r.compareAtMinor?.toString() ?? null, cost: r.costMinor?.toString() ?? null,
    });
    const change = changeOf('ProductVariant', v.id, pick(before), pick(row!));
    if (change) changes.push(change);
  }
  await refreshDerived(tx, [...new Set(saved.map((v) => v.productId))]);
  return ok(saved);
}
