// GraphQL resolvers of coupons: the list and lookups, merged with each sub-area's resolvers.
import { answeringInCallersLanguage, mergeResolvers } from '@shop/kit';
import { contentResolvers } from './content/resolvers.js';
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

