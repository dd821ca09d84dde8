// GraphQL resolvers of coupons: the list and lookups, merged with each sub-area's resolvers.
import { mergeResolvers } from '@shop/kit';
import { contentResolvers } from './content/resolvers.js';
import { inCallersLanguage } from './errors/index.js';
import { flashSaleResolvers } from './flash-sales/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { groupBuyResolvers } from './group-buys/resolvers.js';
import { issuanceResolvers } from './issuance/resolvers.js';
import { promotionResolvers } from './promotions/resolvers.js';
import { listCoupons } from './service.js';
import { templateResolvers } from './templates/resolvers.js';

const core: Resolvers = {
  Query: {
    coupons: (_, args, ctx) => listCoupons(ctx.db, args),
    coupon: (_, args, ctx) => ctx.loaders.couponById.load(args.id),
  },
};

/** The coupons resolver map: the list's resolvers with each sub-area's merged in, mutations answering in the caller's language. */
export const resolvers = answeringInCallersLanguage(mergeResolvers<Resolvers>(
  core,
  templateResolvers,
  issuanceResolvers,
  promotionResolvers,
  contentResolvers,
  groupBuyResolvers,
  flashSaleResolvers,
));

/** Every mutation's userErrors rendered in the caller's language, from their codes and parameters. */
function answeringInCallersLanguage(merged: Resolvers): Resolvers {
  type Resolve = (parent: unknown, args: unknown, ctx: { acceptLanguage?: string | null }, info: unknown) => unknown;
  const mutations = Object.entries((merged.Mutation ?? {}) as Record<string, Resolve>).map(([name, resolve]) => [
    name,
    async (parent: unknown, args: unknown, ctx: { acceptLanguage?: string | null }, info: unknown) =>
      inCallersLanguage(await resolve(parent, args, ctx, info), ctx.acceptLanguage),
  ]);
  return { ...merged, Mutation: Object.fromEntries(mutations) as Resolvers['Mutation'] };
}
