// Tables of storefront content: banners and announcements (placements) and articles.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { coupons } from '../tables.js';
import type { ArticleTexts, PlacementTexts } from './texts.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const placementKind = coupons.enum('placement_kind', ['BANNER', 'ANNOUNCEMENT']);
export const articleStatus = coupons.enum('article_status', ['DRAFT', 'PUBLISHED', 'ARCHIVED']);

export type PlacementKind = (typeof placementKind.enumValues)[number];
export type ArticleStatus = (typeof articleStatus.enumValues)[number];

/**
 * A banner or an announcement: the same scheduling, targeting and ordering,
 * one table, told apart by `kind` (a banner also has an image). Texts are one
 * JSON object keyed by locale, checked by texts.ts on every write and read.
 */
export const placement = coupons.table(
  'placement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: placementKind('kind').notNull(),
    texts: jsonb('texts').$type<PlacementTexts>().notNull(),
    imageUrl: text('image_url'),
    linkUrl: text('link_url'),
    /** Order channels it shows on; empty means every channel. */
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    /** Storefront languages it shows in; empty means every language. */
    locales: text('locales').array().notNull().default(sql`'{}'::text[]`),
    /** Display order among placements of its kind, smallest first. */
    position: integer('position').notNull(),
    startsAt: at('starts_at').notNull(),
    /** Exclusive; null shows it until archived. */
    endsAt: at('ends_at'),
    // Soft archive: the storefront stops showing it at once; staff can still read what ran.
    archivedAt: at('archived_at'),
    ...timestamps,
  },
  (t) => [
    // The storefront's read: live placements of one kind in display order.
    index('placement_kind_position_idx').on(t.kind, t.position, t.id).where(sql`${t.archivedAt} is null`),
    check('placement_ends_after_start', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
    check('placement_banner_has_image', sql`${t.kind} <> 'BANNER' or ${t.imageUrl} is not null`),
  ],
);

/** An article: a page of Markdown per locale behind a unique slug, shown once published. */
export const article = coupons.table(
  'article',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    texts: jsonb('texts').$type<ArticleTexts>().notNull(),
    status: articleStatus('status').notNull().default('DRAFT'),
    /** When it goes (or went) live; set by publishing, may lie ahead. */
    publishedAt: at('published_at'),
    coverImageUrl: text('cover_image_url'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('article_slug_idx').on(t.slug),
    index('article_created_idx').on(t.createdAt, t.id),
    // The storefront's list: published articles, newest first.
    index('article_published_idx').on(t.publishedAt, t.id).where(sql`${t.status} = 'PUBLISHED'`),
    check('article_published_has_time', sql`${t.status} <> 'PUBLISHED' or ${t.publishedAt} is not null`),
  ],
);

export type PlacementRow = typeof placement.$inferSelect;
export type ArticleRow = typeof article.$inferSelect;
