// GraphQL resolvers of content: staff lists and writes of banners, announcements and articles, and the storefront's public reads.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { archiveArticle, createArticle, listArticles, publishArticle, updateArticle } from './articles.js';
import { answerLocale } from './locale.js';
import {
  archivePlacement,
  createPlacement,
  listPlacements,
  placementStatus,
  reorderPlacements,
  updatePlacement,
} from './placements.js';
import { storefrontAnnouncements, storefrontArticle, storefrontArticles, storefrontBanners } from './storefront.js';
import type { ArticleRow, PlacementKind, PlacementRow } from './tables.js';
import { textList } from './texts.js';

const bannerPayload = (banner: PlacementRow) => ({ banner });
const announcementPayload = (announcement: PlacementRow) => ({ announcement });
const articlePayload = (article: ArticleRow) => ({ article });

/** A placement loaded by id answers only under the kind asked for: a banner's id is no announcement. */
const ofKind = (kind: PlacementKind) => (row: PlacementRow | null) => (row?.kind === kind ? row : null);

const placementFields = {
  texts: (row: PlacementRow) => textList(row.texts),
  channels: (row: PlacementRow) => row.channels as ('ONLINE_STORE' | 'MINI_PROGRAM' | 'MOBILE_APP' | 'POINT_OF_SALE' | 'MARKETPLACE')[],
  status: (row: PlacementRow) => placementStatus(row, new Date()),
};

export const contentResolvers: Resolvers = {
  Query: {
    banners: (_, args, ctx) => listPlacements(ctx.db, 'BANNER', args),
    banner: async (_, { id }, ctx) => ofKind('BANNER')(await ctx.loaders.placementById.load(id)),
    announcements: (_, args, ctx) => listPlacements(ctx.db, 'ANNOUNCEMENT', args),
    announcement: async (_, { id }, ctx) => ofKind('ANNOUNCEMENT')(await ctx.loaders.placementById.load(id)),
    contentArticles: (_, args, ctx) => listArticles(ctx.db, args),
    contentArticle: (_, { id }, ctx) => ctx.loaders.articleById.load(id),
    storefrontBanners: (_, args, ctx) => storefrontBanners(ctx.db, args.channel, answerLocale(args.locale, ctx.acceptLanguage)),
    storefrontAnnouncements: (_, args, ctx) => storefrontAnnouncements(ctx.db, args.channel, answerLocale(args.locale, ctx.acceptLanguage)),
    article: (_, args, ctx) => storefrontArticle(ctx.db, args.slug, answerLocale(args.locale, ctx.acceptLanguage)),
    articles: (_, args, ctx) => storefrontArticles(ctx.db, args, answerLocale(args.locale, ctx.acceptLanguage)),
  },
  Mutation: {
    bannerCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => createPlacement(tx, 'BANNER', input, changes)), bannerPayload),
    bannerUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updatePlacement(tx, 'BANNER', input, changes)), bannerPayload),
    bannerArchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => archivePlacement(tx, 'BANNER', input.id, changes)), bannerPayload),
    bannerReorder: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => reorderPlacements(tx, 'BANNER', input.ids, changes)), (banners) => ({ banners })),
    announcementCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => createPlacement(tx, 'ANNOUNCEMENT', input, changes)), announcementPayload),
    announcementUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updatePlacement(tx, 'ANNOUNCEMENT', input, changes)), announcementPayload),
    announcementArchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => archivePlacement(tx, 'ANNOUNCEMENT', input.id, changes)), announcementPayload),
    announcementReorder: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx, changes) => reorderPlacements(tx, 'ANNOUNCEMENT', input.ids, changes)),
        (announcements) => ({ announcements }),
      ),
    articleCreate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => createArticle(tx, input, changes)), articlePayload),
    articleUpdate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => updateArticle(tx, input, changes)), articlePayload),
    articlePublish: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => publishArticle(tx, input, changes)), articlePayload),
    articleArchive: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => archiveArticle(tx, input.id, changes)), articlePayload),
  },
  // Every banner row has an image (a check constraint).
  Banner: { ...placementFields, imageUrl: (row) => row.imageUrl! },
  Announcement: placementFields,
  Article: {
    texts: (row) => textList(row.texts),
    live: (row) => row.status === 'PUBLISHED' && !!row.publishedAt && row.publishedAt <= new Date(),
  },
};

/** Who may enter content's queries and mutations: storefront reads are public, the rest is for staff and partners (the gateway checked the scopes). */
export const contentPermissions: EntryPointRules = {
  Query: {
    banners: rules.operator,
    banner: rules.operator,
    announcements: rules.operator,
    announcement: rules.operator,
    contentArticles: rules.operator,
    contentArticle: rules.operator,
    storefrontBanners: rules.public,
    storefrontAnnouncements: rules.public,
    article: rules.public,
    articles: rules.public,
  },
  Mutation: {
    bannerCreate: rules.operator,
    bannerUpdate: rules.operator,
    bannerArchive: rules.operator,
    bannerReorder: rules.operator,
    announcementCreate: rules.operator,
    announcementUpdate: rules.operator,
    announcementArchive: rules.operator,
    announcementReorder: rules.operator,
    articleCreate: rules.operator,
    articleUpdate: rules.operator,
    articlePublish: rules.operator,
    articleArchive: rules.operator,
  },
};
