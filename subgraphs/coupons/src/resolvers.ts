// GraphQL resolvers of coupons, merged with each sub-area's resolvers.
import { mergeResolvers, money } from '@shop/kit';
import { flashSaleResolvers } from './flash-sales/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { promotionResolvers } from './promotions/resolvers.js';
import { couponStatus, listCoupons } from './service.js';

const core: Resolvers = {
  Query: {
    coupons: (_, args, ctx) => listCoupons(ctx.db, args),
    coupon: (_, args, ctx) => ctx.loaders.couponById.load(args.id),
  },
  Coupon: {
    __resolveReference: (ref, ctx) => ctx.loaders.couponById.load(ref.id),
    percentOff: (row) => (row.kind === 'PERCENTAGE' ? Number(row.value) : null),
    amountOff: (row) => (row.kind === 'FIXED_AMOUNT' ? money(row.value, row.currencyCode) : null),
    minimumSpend: (row) => money(row.minimumSpendMinor, row.currencyCode),
    status: (row) => couponStatus(row, new Date()),
  },
};

export const resolvers: Resolvers = mergeResolvers(core, promotionResolvers, flashSaleResolvers);
