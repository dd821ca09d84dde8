// What the rest of the members domain uses of loyalty.
export { loyaltyPermissions, loyaltyResolvers } from './resolvers.js';
export { createLoyaltyLoaders } from './loaders.js';
export { EXPIRE_POINTS, REEVALUATE_TIERS, expirePointsTask, reevaluateTiersTask } from './jobs.js';
export { earnPointsForOrder, expirePoints, redeemPoints, reversePointsForOrder } from './order-points.js';
export { applyStoreCredit, refundToStoreCredit } from './store-credit.js';
export { reevaluateAllTiers, reevaluateTiers } from './tiers.js';
export { verifyLoyaltyLedgers, type LedgerCheck } from './verify.js';
export { seedOpeningPoints } from './opening-balances.js';
