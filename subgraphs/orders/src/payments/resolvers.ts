// GraphQL resolvers of payments: recording, card payments, captures, refunds and reconciliation.
import { money, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import type { CardInput } from './providers/sandbox.js';
import { listReconciliation, type ReconciliationEntry } from './reconciliation.js';
import { markOrderPaid, paymentCapture, paymentRecord, paymentRefund, sandboxAuthorize } from './service.js';
import type { PaymentRow, PaymentTransactionRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const sumsOf = async (row: PaymentRow, ctx: Ctx) =>
  (await ctx.loaders.sumsByPaymentId.load(row.id)) ?? { authorizedMinor: 0n, capturedMinor: 0n, refundedMinor: 0n };

/** The payload of a payment mutation: the payment, and its order read afresh (as the caller may see it). */
const withPayment = (result: Awaited<ReturnType<typeof paymentRecord>>, ctx: Ctx) =>
  payload(result, (p) => ({ payment: p, order: ctx.loaders.orderById.load(p.orderId) }));

export const paymentResolvers = {
  Query: {
    paymentReconciliation: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listReconciliation(ctx.db, args),
  },
  Mutation: {
    paymentRecord: async (_: unknown, { input }: Input<{ orderId: string; method: string; amount: string; reference?: string | null }>, ctx: Ctx) =>
      withPayment(await mutate(ctx, (tx) => paymentRecord(tx, actorOf(ctx.principal), input)), ctx),
    orderMarkPaid: async (_: unknown, { input }: Input<{ orderId: string; method: string; reference?: string | null }>, ctx: Ctx) =>
      withPayment(await mutate(ctx, (tx) => markOrderPaid(tx, actorOf(ctx.principal), input)), ctx),
    paymentSandboxAuthorize: async (
      _: unknown,
      { input }: Input<{ orderId: string; cartId?: string | null; card: CardInput; capture?: boolean | null }>,
      ctx: Ctx,
    ) => withPayment(await mutate(ctx, (tx) => sandboxAuthorize(tx, ctx.principal, actorOf(ctx.principal), input)), ctx),
    paymentCapture: async (_: unknown, { input }: Input<{ paymentId: string; amount?: string | null }>, ctx: Ctx) =>
      withPayment(await mutate(ctx, (tx) => paymentCapture(tx, actorOf(ctx.principal), input)), ctx),
    paymentRefund: async (_: unknown, { input }: Input<{ paymentId: string; amount: string; reason: string }>, ctx: Ctx) =>
      withPayment(await mutate(ctx, (tx) => paymentRefund(tx, ctx.principal, actorOf(ctx.principal), input)), ctx),
  },
  Order: {
    payments: (row: OrderRow, _: unknown, ctx: Ctx) => ctx.loaders.paymentsByOrderId.load(row.id),
    paidAmount: async (row: OrderRow, _: unknown, ctx: Ctx) => {
      const received = await ctx.loaders.moneyByOrderId.load(row.id);
      return money((received?.capturedMinor ?? 0n) - (received?.refundedMinor ?? 0n), row.currencyCode);
    },
    paymentState: async (row: OrderRow, _: unknown, ctx: Ctx) => (await ctx.loaders.moneyByOrderId.load(row.id))?.state ?? 'UNPAID',
  },
  Payment: {
    method: (row: PaymentRow) => row.method,
    amount: (row: PaymentRow) => money(row.amountMinor, row.currencyCode),
    capturedAmount: async (row: PaymentRow, _: unknown, ctx: Ctx) => money((await sumsOf(row, ctx)).capturedMinor, row.currencyCode),
    refundedAmount: async (row: PaymentRow, _: unknown, ctx: Ctx) => money((await sumsOf(row, ctx)).refundedMinor, row.currencyCode),
    reference: (row: PaymentRow) => row.providerReference,
    card: (row: PaymentRow) => (row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null),
    transactions: (row: PaymentRow, _: unknown, ctx: Ctx) => ctx.loaders.transactionsByPaymentId.load(row.id),
  },
  PaymentTransaction: {
    amount: (row: PaymentTransactionRow) => money(row.amountMinor, row.currencyCode),
    reference: (row: PaymentTransactionRow) => row.providerReference,
  },
  PaymentReconciliationEntry: {
    expected: (entry: ReconciliationEntry) => money(entry.order.totalMinor, entry.order.currencyCode),
    captured: (entry: ReconciliationEntry) => money(entry.capturedMinor, entry.order.currencyCode),
    refunded: (entry: ReconciliationEntry) => money(entry.refundedMinor, entry.order.currencyCode),
    difference: (entry: ReconciliationEntry) =>
      money(entry.capturedMinor - entry.refundedMinor - entry.order.totalMinor, entry.order.currencyCode),
  },
};
