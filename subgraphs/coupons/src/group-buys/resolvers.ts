// GraphQL resolvers of group buys: staff campaigns and monitor, the public group view, a customer's own groups.
import { codedError, money } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { archiveCampaign, campaignStatus, createCampaign, listCampaigns, titleIn, updateCampaign } from './campaigns.js';
import { listGroups, memberGroups, secondsLeft } from './groups.js';
import { requestLocale } from './locale.js';

const productRef = (id: string) => ({ __typename: 'Product' as const, id });

export const groupBuyResolvers: Resolvers = {
  Query: {
    groupBuyCampaigns: (_, args, ctx) => listCampaigns(ctx.db, args),
    groupBuyCampaign: (_, args, ctx) => ctx.loaders.groupBuyCampaignById.load(args.id),
    groupBuyGroups: (_, args, ctx) => listGroups(ctx.db, args),
    groupBuy: (_, args, ctx) => ctx.loaders.groupBuyGroupById.load(args.id),
    myGroupBuys: (_, args, ctx) => {
      if (ctx.principal.kind !== 'customer') throw codedError('UNAUTHENTICATED', 'Sign in as a customer first.');
      return memberGroups(ctx.db, ctx.principal.memberId, args);
    },
  },
  Mutation: {
    groupBuyCampaignCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => createCampaign(tx, input, changes)), (campaign) => ({ campaign })),
    groupBuyCampaignUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateCampaign(tx, input, changes)), (campaign) => ({ campaign })),
    groupBuyCampaignArchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => archiveCampaign(tx, input.id, changes)), (campaign) => ({ campaign })),
  },
  GroupBuyCampaign: {
    __resolveReference: (ref, ctx) => ctx.loaders.groupBuyCampaignById.load(ref.id),
    title: (row, args, ctx) => titleIn(row.titles, requestLocale(args.locale, ctx.acceptLanguage)),
    titles: (row) => Object.entries(row.titles).map(([locale, text]) => ({ locale, text })),
    product: (row) => productRef(row.productId),
    groupPrice: (row) => money(row.groupPriceMinor, row.currencyCode),
    status: (row) => campaignStatus(row, new Date()),
    groupCounts: (row, _, ctx) => ctx.loaders.groupBuyCountsByCampaignId.load(row.id),
  },
  GroupBuyGroup: {
    __resolveReference: (ref, ctx) => ctx.loaders.groupBuyGroupById.load(ref.id),
    title: async (row, args, ctx) => {
      const campaign = await ctx.loaders.groupBuyCampaignById.load(row.campaignId);
      return campaign ? titleIn(campaign.titles, requestLocale(args.locale, ctx.acceptLanguage)) : '';
    },
    product: async (row, _, ctx) => productRef((await ctx.loaders.groupBuyCampaignById.load(row.campaignId))!.productId),
    groupPrice: async (row, _, ctx) => {
      const campaign = (await ctx.loaders.groupBuyCampaignById.load(row.campaignId))!;
      return money(campaign.groupPriceMinor, campaign.currencyCode);
    },
    joined: (row) => row.placesTaken,
    paid: (row) => row.placesPaid,
    placesLeft: (row) => (row.status === 'OPEN' ? row.size - row.placesTaken : 0),
    secondsLeft: (row) => secondsLeft(row, new Date()),
    campaign: (row, _, ctx) => ctx.loaders.groupBuyCampaignById.load(row.campaignId),
  },
};

/** Campaigns and the monitor are for marketing staff and partners; a group's link is public; one's own groups need a customer session. */
export const groupBuyPermissions: EntryPointRules = {
  Query: {
    groupBuyCampaigns: rules.operator,
    groupBuyCampaign: rules.operator,
    groupBuyGroups: rules.operator,
    groupBuy: rules.public,
    myGroupBuys: rules.customer,
  },
  Mutation: {
    groupBuyCampaignCreate: rules.operator,
    groupBuyCampaignUpdate: rules.operator,
    groupBuyCampaignArchive: rules.operator,
  },
};
