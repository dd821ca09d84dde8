'use server';

import { getShopSettings } from '@/lib/shop-settings';
import { fromShopLocal } from '@/lib/shop-time';
import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  AnnouncementArchive,
  AnnouncementCreate,
  AnnouncementReorder,
  AnnouncementUpdate,
  ArticleArchive,
  ArticleCreate,
  ArticlePublish,
  ArticleUpdate,
  BannerArchive,
  BannerCreate,
  BannerReorder,
  BannerUpdate,
  type OrderChannel,
} from './content.graphql';

export type PlacementKind = 'banner' | 'announcement';

/** A banner or announcement as its editor holds it; times are the shop's wall clock (datetime-local). */
export interface PlacementFields {
  texts: { locale: string; title: string; body: string | null }[];
  imageUrl: string;
  linkUrl: string | null;
  channels: OrderChannel[];
  locales: string[];
  startsAt: string;
  endsAt: string;
}

function placementInput(kind: PlacementKind, fields: PlacementFields, timeZone: string) {
  const { imageUrl, startsAt, endsAt, ...rest } = fields;
  return {
    ...rest,
    ...(kind === 'banner' ? { imageUrl } : {}),
    ...(startsAt ? { startsAt: fromShopLocal(startsAt, timeZone) } : {}),
    endsAt: endsAt ? fromShopLocal(endsAt, timeZone) : null,
  };
}

/** Creates or (with `id`) updates a banner or announcement; answers its id. */
export async function savePlacement(kind: PlacementKind, id: string | null, fields: PlacementFields): Promise<ActionResult<string>> {
  const input = placementInput(kind, fields, (await getShopSettings()).timeZone);
  if (kind === 'banner') {
    return id
      ? runMutation(BannerUpdate, { input: { id, ...input } }, (d) => d.bannerUpdate, () => id)
      : runMutation(BannerCreate, { input: { ...input, imageUrl: fields.imageUrl } }, (d) => d.bannerCreate, (p) => p.banner!.id);
  }
  return id
    ? runMutation(AnnouncementUpdate, { input: { id, ...input } }, (d) => d.announcementUpdate, () => id)
    : runMutation(AnnouncementCreate, { input }, (d) => d.announcementCreate, (p) => p.announcement!.id);
}

export async function archivePlacement(kind: PlacementKind, id: string): Promise<ActionResult<null>> {
  return kind === 'banner'
    ? runMutation(BannerArchive, { input: { id } }, (d) => d.bannerArchive, () => null)
    : runMutation(AnnouncementArchive, { input: { id } }, (d) => d.announcementArchive, () => null);
}

/** Saves a new display order (every active one, first to last). */
export async function reorderPlacements(kind: PlacementKind, ids: string[]): Promise<ActionResult<null>> {
  return kind === 'banner'
    ? runMutation(BannerReorder, { input: { ids } }, (d) => d.bannerReorder, () => null)
    : runMutation(AnnouncementReorder, { input: { ids } }, (d) => d.announcementReorder, () => null);
}

export interface ArticleFields {
  slug: string;
  texts: { locale: string; title: string; summary: string | null; body: string }[];
  coverImageUrl: string | null;
}

/** Creates or (with `id`) updates an article; answers its id. */
export async function saveArticle(id: string | null, fields: ArticleFields): Promise<ActionResult<string>> {
  return id
    ? runMutation(ArticleUpdate, { input: { id, ...fields } }, (d) => d.articleUpdate, () => id)
    : runMutation(ArticleCreate, { input: fields }, (d) => d.articleCreate, (p) => p.article!.id);
}

/** Publishes now, or at a shop wall-clock time. */
export async function publishArticle(id: string, at: string | null): Promise<ActionResult<null>> {
  const publishedAt = at ? fromShopLocal(at, (await getShopSettings()).timeZone) : null;
  return runMutation(ArticlePublish, { input: { id, ...(publishedAt ? { publishedAt } : {}) } }, (d) => d.articlePublish, () => null);
}

export async function archiveArticle(id: string): Promise<ActionResult<null>> {
  return runMutation(ArticleArchive, { input: { id } }, (d) => d.articleArchive, () => null);
}
