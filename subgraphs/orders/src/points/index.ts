// What the rest of orders uses of points.
export { redeemForOrder, settleOrderPoints, type PointsErrorCode, type Redemption } from './service.js';
