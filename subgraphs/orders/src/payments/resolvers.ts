// GraphQL resolvers of payments: recording, card payments, captures, refunds and reconciliation.
import { money, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import { listReconciliation } from './reconciliation.js';
import { markOrderPaid, paymentCapture, paymentRecord, paymentRefund, sandboxAuthorize } from './service.js';
import type { PaymentRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

const sumsOf = async (row: PaymentRow, ctx: Ctx) =>
  (await ctx.loaders.sumsByPaymentId.load(row.id)) ?? { authorizedMinor: 0n, capturedMinor: 0n, refundedMinor: 0n };

/** The payload of a payment mutation: the payment, and its order read afresh (as the caller may see it). */
const withPayment = (result: Awaited<ReturnType<typeof paymentRecord>>, ctx: Ctx) =>
  payload(result, (p) => ({ payment: p, order: ctx.loaders.orderById.load(p.orderId) }));

export const paymentResolvers: Resolvers = {
  Query: {
    paymentReconciliation: (_, args, ctx) => listReconciliation(ctx.db, args),
  },
  Mutation: {
    paymentRecord: async (_, { input }, ctx) =>
      withPayment(await mutate(ctx, (tx) => paymentRecord(tx, actorOf(ctx.principal), input)), ctx),
    orderMarkPaid: async (_, { input }, ctx) =>
      withPayment(await mutate(ctx, (tx) => markOrderPaid(tx, actorOf(ctx.principal), input)), ctx),
    paymentSandboxAuthorize: async (_, { input }, ctx) => withPayment(await mutate(ctx, (tx) => sandboxAuthorize(tx, ctx.principal, actorOf(ctx.principal), input)), ctx),
    paymentCapture: async (_, { input }, ctx) =>
      withPayment(await mutate(ctx, (tx) => paymentCapture(tx, actorOf(ctx.principal), input)), ctx),
    paymentRefund: async (_, { input }, ctx) =>
      withPayment(await mutate(ctx, (tx) => paymentRefund(tx, ctx.principal, actorOf(ctx.principal), input)), ctx),
  },
  Order: {
    payments: (row, _, ctx) => ctx.loaders.paymentsByOrderId.load(row.id),
    paidAmount: async (row, _, ctx) => {
      const received = await ctx.loaders.moneyByOrderId.load(row.id);
      return money((received?.capturedMinor ?? 0n) - (received?.refundedMinor ?? 0n), row.currencyCode);
    },
    paymentState: async (row, _, ctx) => (await ctx.loaders.moneyByOrderId.load(row.id))?.state ?? 'UNPAID',
  },
  Payment: {
    method: (row) => row.method,
    amount: (row) => money(row.amountMinor, row.currencyCode),
    capturedAmount: async (row, _, ctx) => money((await sumsOf(row, ctx)).capturedMinor, row.currencyCode),
    refundedAmount: async (row, _, ctx) => money((await sumsOf(row, ctx)).refundedMinor, row.currencyCode),
    reference: (row) => row.providerReference,
    // brand is non-null in the API; a card kept without one is the generic CARD.
    card: (row) => (row.cardLast4 ? { brand: row.cardBrand ?? 'CARD', last4: row.cardLast4 } : null),
    transactions: (row, _, ctx) => ctx.loaders.transactionsByPaymentId.load(row.id),
  },
  PaymentTransaction: {
    amount: (row) => money(row.amountMinor, row.currencyCode),
    reference: (row) => row.providerReference,
  },
  PaymentReconciliationEntry: {
    expected: (entry) => money(entry.order.totalMinor, entry.order.currencyCode),
    captured: (entry) => money(entry.capturedMinor, entry.order.currencyCode),
    refunded: (entry) => money(entry.refundedMinor, entry.order.currencyCode),
    difference: (entry) =>
      money(entry.capturedMinor - entry.refundedMinor - entry.order.totalMinor, entry.order.currencyCode),
  },
};
