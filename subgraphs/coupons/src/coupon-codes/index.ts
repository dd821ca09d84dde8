// What the rest of coupons uses of codes and redemptions: the rule source, lookups and the tables.
export { couponCodesSource, couponRules } from './source.js';
export { redeemCoupons, releaseCoupons, type PlacedOrder } from './redemption.js';
export { canonicalCode, findCodes, type FoundCode } from './lookup.js';
export { blockedReason, ruleIdOf } from './rules.js';
export { couponCode, couponMemberUsage, couponRedemption, type CodeSource, type CouponCodeRow } from './tables.js';
export { redeemedDiscounts } from './report.js';
export { checkCouponCode, type CouponCodeCheck } from './validate.js';
