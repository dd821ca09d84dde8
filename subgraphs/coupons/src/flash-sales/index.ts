// What the rest of coupons imports about flash sales.
export { flashSaleSource } from './source.js';
export type { FlashSaleItemRow, FlashSaleRow } from './tables.js';
