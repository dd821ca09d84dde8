/** Facts: what other domains queue as jobs, recorded as upserts where the newest source updatedAt wins. */
export { isCounted, recordOrder, recordOrders, recordRefund, recordTraffic, type RollupKey } from './service.js';
