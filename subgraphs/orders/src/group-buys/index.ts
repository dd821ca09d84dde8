/** Group-buy orders: the hold from fulfilment and the outcome tasks coupons queues. Domain code only. */
export { awaitsGroupBuy, boughtInGroup, groupBuyPaymentReceived, holdForGroupBuy } from './hold.js';
export { groupBuyFailed, groupBuySucceeded, groupBuyTasks, GROUP_BUY_FAILED_TASK, GROUP_BUY_SUCCEEDED_TASK } from './service.js';
