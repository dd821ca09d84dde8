// What a product points at (media, categories, collections, its brand) and its translations: checks and writes.
import { and, eq, sql } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { category, productCategory } from '../categories/index.js';
import { collection, collectionProduct } from '../collections/index.js';
import { LIMITS, type CatalogErrorCode, type CleanTranslation, type Problems } from '../input/index.js';
import { brand, media, productTranslation, upload } from '../tables.js';

export interface MediaInput {
  url: string;
  alt?: string | null;
}

/** Checked links; null leaves that kind of link as it is. */
export interface ProductLinks {
  media: { url: string; alt: string }[] | null;
  categoryIds: string[] | null;
  collectionIds: string[] | null;
}

/** Checks the media, categories and collections an input names (each only when given). */
export async function checkLinks(
  tx: Db,
  p: Problems,
  input: { media?: MediaInput[] | null; categoryIds?: string[] | null; collectionIds?: string[] | null },
): Promise<ProductLinks> {
  return {
    media: input.media ? await checkMedia(tx, p, input.media) : null,
    categoryIds: input.categoryIds ? await checkIds(tx, p, category, input.categoryIds, 'UNKNOWN_CATEGORY', 'categoryIds') : null,
    collectionIds: input.collectionIds
      ? await checkIds(tx, p, collection, input.collectionIds, 'UNKNOWN_COLLECTION', 'collectionIds')
      : null,
  };
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

async function checkMedia(tx: Db, p: Problems, items: readonly MediaInput[]) {
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

/** The id of the brand with this name, created on first use. */
export async function brandIdFor(tx: Db, name: string): Promise<string> {
  await tx.insert(brand).values({ name }).onConflictDoNothing({ target: brand.name });
  const [row] = await tx.select({ id: brand.id }).from(brand).where(eq(brand.name, name));
  return row!.id;
}

/** Replaces each kind of link the input gave. */
export async function writeLinks(tx: Db, productId: string, links: ProductLinks): Promise<void> {
  if (links.media) {
    await tx.delete(media).where(eq(media.productId, productId));
    if (links.media.length) await tx.insert(media).values(links.media.map((m, position) => ({ productId, ...m, position })));
  }
  if (links.categoryIds) {
    await tx.delete(productCategory).where(eq(productCategory.productId, productId));
    if (links.categoryIds.length) {
      await tx.insert(productCategory).values(links.categoryIds.map((categoryId) => ({ productId, categoryId })));
    }
  }
  if (links.collectionIds) {
    await tx.delete(collectionProduct).where(eq(collectionProduct.productId, productId));
    if (links.collectionIds.length) {
      await tx.insert(collectionProduct).values(links.collectionIds.map((collectionId) => ({ productId, collectionId })));
    }
  }
}

/** Saves each translation given; one with no text left is deleted. */
export async function writeTranslations(tx: Db, productId: string, translations: readonly CleanTranslation[]) {
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
