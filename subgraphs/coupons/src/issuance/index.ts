// What the rest of coupons (and the gateway's download route, through @shop/coupons/issuance) uses of issuance.
export { batchesByIds, batchesOfCoupons, GENERATE_CODES, generateCodesTask, ISSUE_TO_SEGMENT, issueToSegmentTask } from './batches.js';
export { codesDownloadPath, codesLinkValid, exportCodes } from './export.js';
export { claimableCoupons, myCoupons, usableCodesOf, type WalletCoupon } from './wallet.js';
export { couponBatch, type CouponBatchRow } from './tables.js';
