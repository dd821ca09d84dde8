import { sql } from 'drizzle-orm';
import { bigint, char, check, index, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { order, orders } from '../tables.js';

export const paymentProvider = orders.enum('payment_provider', ['MANUAL', 'SANDBOX']);

export const paymentMethod = orders.enum('payment_method', [
  'BANK_TRANSFER',
  'CASH_ON_DELIVERY',
  'CASH',
  'CARD_TERMINAL',
  'CARD',
  'MARKETPLACE',
  'OTHER',
]);

export const paymentStatus = orders.enum('payment_status', ['PENDING', 'AUTHORIZED', 'CAPTURED', 'DECLINED', 'VOIDED']);

export const paymentTransactionKind = orders.enum('payment_transaction_kind', ['AUTHORIZATION', 'CAPTURE', 'REFUND', 'VOID']);

/**
 * One attempt to get money for an order through one provider. Its amounts are
 * not kept here: what was captured and refunded is the sum of its transactions.
 */
export const payment = orders.table(
  'payment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Creation order: rows written in one transaction share created_at. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    provider: paymentProvider('provider').notNull(),
    // Unknown until the customer or operator says how they pay (a pending manual payment).
    method: paymentMethod('method'),
    status: paymentStatus('status').notNull().default('PENDING'),
    /** What was asked for (pending) or authorised. */
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    /** The provider's id of the payment (a sandbox authorisation); null for manual payments. */
    providerReference: text('provider_reference'),
    cardBrand: text('card_brand'),
    cardLast4: char('card_last4', { length: 4 }),
    ...timestamps,
  },
  (t) => [
    index('payment_order_idx').on(t.orderId, t.createdAt),
    uniqueIndex('payment_provider_reference_unique').on(t.provider, t.providerReference),
  ],
);

/**
 * Append-only money movements of a payment: authorisations, captures, refunds
 * and voids. An order's paid amount is captures minus refunds, summed from here.
 */
export const paymentTransaction = orders.table(
  'payment_transaction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Creation order: rows written in one transaction share created_at. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payment.id),
    // Repeated from the payment so an order's money sums without a join.
    orderId: uuid('order_id')
      .notNull()
      .references(() => order.id),
    kind: paymentTransactionKind('kind').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currencyCode: char('currency_code', { length: 3 }).notNull(),
    /**
     * The provider's id of this movement. Unique: a movement reported twice
     * (the API answer and its webhook) is recorded once.
     */
    providerReference: text('provider_reference').unique(),
    /** The operator's reference (bank slip, receipt number) or a refund's reason. */
    note: text('note'),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_transaction_order_idx').on(t.orderId, t.kind),
    index('payment_transaction_payment_idx').on(t.paymentId, t.createdAt),
    check('payment_transaction_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

/** Webhook events already accepted, by the provider's event id: a replay finds its row and is refused. */
export const webhookEvent = orders.table(
  'payment_webhook_event',
  {
    provider: paymentProvider('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

export type PaymentRow = typeof payment.$inferSelect;
export type PaymentTransactionRow = typeof paymentTransaction.$inferSelect;
export type PaymentProvider = PaymentRow['provider'];
export type PaymentMethod = NonNullable<PaymentRow['method']>;
