// What other domains may call inside their own transaction (orders: at payment).
export { placePaid as groupBuyOrderPaid } from './group-buys/index.js';
