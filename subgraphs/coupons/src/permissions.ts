// Who may enter each query and mutation of coupons.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { issuancePermissions } from './issuance/resolvers.js';
import { templatePermissions } from './templates/resolvers.js';
import { promotionPermissions } from './promotions/resolvers.js';

/** Coupon lists are for marketing staff and partners; shoppers claim, list their own and apply codes to carts. */
export const permissions: EntryPointRules = {
  Query: { coupons: rules.operator, coupon: rules.operator, ...issuancePermissions.Query, ...promotionPermissions.Query },
  Mutation: { ...templatePermissions.Mutation, ...issuancePermissions.Mutation, ...promotionPermissions.Mutation },
};
