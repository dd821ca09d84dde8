// Store credit on orders: paid at checkout, given back on cancellation (service.ts).
export { payWithStoreCredit, settleOrderStoreCredit, STORE_CREDIT_RULE, storeCreditOffer, type StoreCreditErrorCode } from './service.js';
