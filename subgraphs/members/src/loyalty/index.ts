// What the rest of the members domain uses of loyalty.
export { EXPIRE_POINTS, REEVALUATE_TIERS, expirePointsTask, reevaluateTiersTask } from './jobs.js';
export { earnPointsForOrder, expirePoints, redeemPoints, reversePointsForOrder } from './order-points.js';
export { applyStoreCredit, refundToStoreCredit } from './store-credit.js';
export { reevaluateAllTiers, reevaluateTiers } from './tiers.js';
export { verifyLoyaltyLedgers, type LedgerCheck } from './verify.js';
export { seedOpeningPoints } from './opening-balances.js';
