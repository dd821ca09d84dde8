/** How orders and carts are priced: shipping terms, the coupons pricing engine, included tax and totals. */
export * from './service.js';
