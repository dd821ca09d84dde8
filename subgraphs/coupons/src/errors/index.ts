// The userError codes of coupons, shared by every area.
export { couponError, couponFail, type CouponError, type CouponErrorCode, type CouponResult } from './codes.js';
