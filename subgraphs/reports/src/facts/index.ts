// Facts: the copies of orders, refunds and traffic other domains send, recorded idempotently.
export { isCounted, recordOrder, recordOrders, recordRefund, recordTraffic } from './service.js';
