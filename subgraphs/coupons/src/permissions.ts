// Who may enter each query of coupons.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { groupBuyPermissions } from './group-buys/resolvers.js';

/** Coupon lists are for marketing staff and partners; shoppers redeem codes at checkout. */
export const permissions: EntryPointRules = {
  Query: { coupons: rules.operator, coupon: rules.operator, ...groupBuyPermissions.Query },
  Mutation: { ...groupBuyPermissions.Mutation },
};
