// What the rest of coupons imports about flash sales.
export { flashSaleSource } from './source.js';
export { flashSaleTake, type FlashSaleItemRow, type FlashSaleRow } from './tables.js';
