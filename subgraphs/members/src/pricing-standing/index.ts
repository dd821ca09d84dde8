// A member's standing as the pricing engine reads it (coupons' priceForOrder).
export { pointsWorth, pricingStanding, type PricingStanding } from './service.js';
