// Promotions: automatic discounts, their staff API and their pricing rule source.
export { promotionsSource, promotionRule } from './source.js';
export { promotionStatus } from './service.js';
