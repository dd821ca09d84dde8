// What the rest of coupons uses of templates: the writes, the locked read and the input rules.
export { archiveCoupon, createCoupon, updateCoupon, writableCoupon } from './service.js';
export { CHANNELS, LOCALES, normaliseCode, TIERS, type CouponLocaleValue, type CouponTemplateInput } from './input.js';
