import type { Db } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { createArticle, publishArticle } from '../src/content/articles.js';
import { createPlacement } from '../src/content/placements.js';
import type { PlacementKind } from '../src/content/tables.js';

export const HOUR = 3_600_000;

/** Input of a banner (or, without its image, an announcement) with English and Thai texts, overridable. */
export function makePlacementInput(overrides: Record<string, unknown> = {}) {
  return {
    texts: [
      { locale: 'en', title: 'Summer sale', body: 'Up to 50% off' },
      { locale: 'th', title: 'ลดราคาหน้าร้อน', body: 'ลดสูงสุด 50%' },
    ],
    imageUrl: 'https://cdn.example.test/summer.jpg',
    linkUrl: '/sale/summer',
    ...overrides,
  };
}

/** Creates a placement through the service, as a mutation would; throws on userErrors (a test's setup must be valid). */
export async function createdPlacement(db: Db, kind: PlacementKind, overrides: Record<string, unknown> = {}) {
  const input = makePlacementInput(overrides);
  if (kind === 'ANNOUNCEMENT') delete (input as { imageUrl?: string }).imageUrl;
  const result = await mutate(db, (tx, changes) => createPlacement(tx, kind, input, changes));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

export function makeArticleInput(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    slug,
    texts: [
      { locale: 'en', title: `About ${slug}`, summary: 'A short read', body: '# Hello\n\nSome **bold** words.' },
      { locale: 'ar', title: `عن ${slug}`, summary: null, body: 'مرحبا **بكم**' },
    ],
    coverImageUrl: '/media/cover.jpg',
    ...overrides,
  };
}

/** A created article, published at `publishedAt` when given. */
export async function createdArticle(db: Db, slug: string, publishedAt?: Date) {
  const created = await mutate(db, (tx, changes) => createArticle(tx, makeArticleInput(slug), changes));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  if (!publishedAt) return created.value;
  const published = await mutate(db, (tx, changes) => publishArticle(tx, { id: created.value.id, publishedAt }, changes));
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
  return published.value;
}
