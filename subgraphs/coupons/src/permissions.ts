// Who may enter each query of coupons.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { flashSalePermissions } from './flash-sales/resolvers.js';

/** Coupon lists are for marketing staff and partners; shoppers redeem codes at checkout. */
export const permissions: EntryPointRules = {
  Query: { coupons: rules.operator, coupon: rules.operator, ...flashSalePermissions.Query },
  Mutation: { ...flashSalePermissions.Mutation },
};
