// What storefronts read without a session: live content in one language, with no staff or internal fields.
import type { ConnectionArgs, Db } from '@shop/kit';
import { liveArticleBySlug, liveArticles } from './articles.js';
import type { ContentLocale } from './locale.js';
import { livePlacements } from './placements.js';
import type { ArticleRow, PlacementRow } from './tables.js';
import { textIn } from './texts.js';

/** A placement in one language, the requested one or English. */
function placementIn(row: PlacementRow, locale: ContentLocale) {
  const text = textIn(row.texts, locale);
  return { id: row.id, title: text.title, body: text.body, linkUrl: row.linkUrl, locale: text.locale };
}

/** An article in one language, the requested one or English. */
function articleIn(row: ArticleRow, locale: ContentLocale) {
  const text = textIn(row.texts, locale);
  return {
    id: row.id,
    slug: row.slug,
    title: text.title,
    summary: text.summary,
    body: text.body,
    bodyHtml: text.bodyHtml,
    coverImageUrl: row.coverImageUrl,
    publishedAt: row.publishedAt!,
    locale: text.locale,
  };
}

export async function storefrontBanners(db: Db, channel: string, locale: ContentLocale, now: Date = new Date()) {
  // Every banner row has an image (a check constraint).
  return (await livePlacements(db, 'BANNER', channel, locale, now)).map((row) => ({ ...placementIn(row, locale), imageUrl: row.imageUrl! }));
}

export async function storefrontAnnouncements(db: Db, channel: string, locale: ContentLocale, now: Date = new Date()) {
  return (await livePlacements(db, 'ANNOUNCEMENT', channel, locale, now)).map((row) => placementIn(row, locale));
}

export async function storefrontArticle(db: Db, slug: string, locale: ContentLocale, now: Date = new Date()) {
  const row = await liveArticleBySlug(db, slug, now);
  return row ? articleIn(row, locale) : null;
}

/** A page of live articles in one language; the count is of every live article. */
export async function storefrontArticles(db: Db, args: ConnectionArgs, locale: ContentLocale, now: Date = new Date()) {
  const page = await liveArticles(db, args, now);
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: articleIn(edge.node, locale) })) };
}
