// Tables of checkout: the idempotency keys that make placing an order happen once.
import { primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { order, orders } from '../tables.js';

/**
 * One row per checkout idempotency key within the caller's scope (a member, a
 * guest cart's holder, a staff account). The row is the serialisation point:
 * concurrent replays wait on it and then read the order it names.
 */
export const checkoutKey = orders.table(
  'checkout_key',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** Hash of what the key was first used for (cart and payment provider). */
    requestHash: text('request_hash').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
