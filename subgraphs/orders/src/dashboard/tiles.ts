// The dashboard's order to-dos. Each is defined by the very filter of the list the console links to,
// and counted by that list's own count function, so a tile and its list's totalCount never disagree.
import type { Db } from '@shop/kit';
import { countReturnRequests, type ReturnRequestFilter } from '../after-sales/service.js';
import { countDeliveryExceptions } from '../delivery-exceptions/index.js';
import { countOrders, type OrderFilter } from '../service.js';
import { countFulfilmentQueue } from '../shipments/queries.js';

/** The console's /orders filter of each order to-do. */
export const UNPAID_FILTER: OrderFilter = { status: ['PENDING_PAYMENT'] };
export const FLAGGED_FILTER: OrderFilter = { flagged: true };
/** Requests the shop must act on: a decision (REQUESTED) or a refund or exchange (RECEIVED). */
export const AFTER_SALES_WAITING_FILTER: ReturnRequestFilter = { status: ['REQUESTED', 'RECEIVED'] };

export const unpaidOrders = (db: Db) => countOrders(db, UNPAID_FILTER);
export const flaggedOrders = (db: Db) => countOrders(db, FLAGGED_FILTER);
/** The whole fulfilment queue: orders carry no promised ship day, so each was due on its placement day, today or earlier. */
export const toShipToday = (db: Db) => countFulfilmentQueue(db);
export const deliveryExceptionsOpen = (db: Db) => countDeliveryExceptions(db, 'OPEN');
export const afterSalesWaiting = (db: Db) => countReturnRequests(db, AFTER_SALES_WAITING_FILTER);
