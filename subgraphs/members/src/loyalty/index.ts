// What the rest of the members domain uses of loyalty.
export { BIRTHDAY_POINTS, birthdayPointsTask, grantBirthdayPoints } from './birthday.js';
export { EXPIRE_POINTS, REEVALUATE_TIERS, expirePointsTask, reevaluateTiersTask } from './jobs.js';
export { EARN_POINTS_FOR_ORDER, earnPointsForOrderTask, queuePointsEarning, type OrderEarning } from './order-jobs.js';
export { earnPointsForOrder, expirePoints, redeemPoints, reversePointsForOrder } from './order-points.js';
export { applyStoreCredit, creditBalanceOf, refundToStoreCredit, releaseStoreCreditForOrder } from './store-credit.js';
export { reevaluateAllTiers, reevaluateTiers } from './tiers.js';
export { verifyLoyaltyLedgers, type LedgerCheck } from './verify.js';
export { seedOpeningPoints } from './opening-balances.js';
