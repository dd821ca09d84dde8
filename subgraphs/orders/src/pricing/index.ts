/** How orders and carts are priced: shipping fees, adjusters, included tax and totals. */
export * from './service.js';
