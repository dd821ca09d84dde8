// Orders bought in a group buy: held from fulfilment until their group's outcome is known.
import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { order, orders } from '../tables.js';

export const groupBuyOutcome = orders.enum('group_buy_outcome', ['WAITING', 'SUCCEEDED', 'FAILED']);

/**
 * An order placed at a group price (coupons keeps the group and its places).
 * While WAITING the order may be paid but not fulfilled; SUCCEEDED lets it
 * proceed; FAILED means it was cancelled and refunded. Not an order flag: an
 * operator cannot clear it, only the group's outcome does.
 */
export const orderGroupBuy = orders.table('order_group_buy', {
  orderId: uuid('order_id')
    .primaryKey()
    .references(() => order.id),
  outcome: groupBuyOutcome('outcome').notNull().default('WAITING'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  settledAt: timestamp('settled_at', { withTimezone: true, mode: 'date', precision: 3 }),
});

export type OrderGroupBuyRow = typeof orderGroupBuy.$inferSelect;
