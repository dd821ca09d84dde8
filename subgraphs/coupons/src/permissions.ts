// Who may enter each query and mutation of coupons.
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { contentPermissions } from './content/resolvers.js';
import { flashSalePermissions } from './flash-sales/resolvers.js';
import { groupBuyPermissions } from './group-buys/resolvers.js';
import { issuancePermissions } from './issuance/resolvers.js';
import { promotionPermissions } from './promotions/resolvers.js';
import { templatePermissions } from './templates/resolvers.js';

const areas: EntryPointRules[] = [templatePermissions, issuancePermissions, promotionPermissions, contentPermissions, groupBuyPermissions, flashSalePermissions];

/** Coupon lists are for marketing staff and partners; shoppers claim, list their own and apply codes to carts. */
export const permissions: EntryPointRules = {
  Query: { coupons: rules.operator, coupon: rules.operator, ...Object.assign({}, ...areas.map((a) => a.Query)) },
  Mutation: Object.assign({}, ...areas.map((a) => a.Mutation)),
};
