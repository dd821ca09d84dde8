/** The dashboard's order to-dos, counted by their lists' own count functions. Resolvers are in ./resolvers.js. */
export { AFTER_SALES_WAITING_FILTER, afterSalesWaiting, deliveryExceptionsOpen, FLAGGED_FILTER, flaggedOrders, toShipToday, UNPAID_FILTER, unpaidOrders } from './tiles.js';
