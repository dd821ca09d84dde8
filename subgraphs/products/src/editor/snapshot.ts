// What the audit log keeps of a product before and after an edit.
import { eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { productCategory } from '../categories/index.js';
import { collectionProduct } from '../collections/index.js';
import { media, product, productTranslation, variant } from '../tables.js';

/** The editable fields of a product, its children as short lists. */
export async function snapshot(tx: Db, id: string): Promise<Record<string, unknown>> {
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
