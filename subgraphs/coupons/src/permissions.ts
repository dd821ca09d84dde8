// Who may enter each query and mutation of coupons.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { flashSalePermissions } from './flash-sales/resolvers.js';
import { promotionPermissions } from './promotions/resolvers.js';

/** Coupon lists are for marketing staff and partners; shoppers redeem codes at checkout. */
export const permissions: EntryPointRules = {
  Query: { coupons: rules.operator, coupon: rules.operator, ...promotionPermissions.Query, ...flashSalePermissions.Query },
  Mutation: { ...promotionPermissions.Mutation, ...flashSalePermissions.Mutation },
};
