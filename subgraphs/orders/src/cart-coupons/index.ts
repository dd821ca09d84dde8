/** Coupon codes on storefront carts. Domain code only; the graph's resolvers are in ./resolvers.js. */
export { cartApplyCoupon, cartRemoveCoupon, MAX_CART_COUPONS, orderCodeOfCoupon, type CartCouponErrorCode } from './service.js';
