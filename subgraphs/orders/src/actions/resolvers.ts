// GraphQL resolvers of what a caller may do with an order: Order.availableActions.
import type { SubgraphContext } from '@shop/kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import { availableActions } from './service.js';

type Ctx = SubgraphContext<Loaders>;

/** The order's holds and money through the request's loaders: one query per kind for a whole page of orders. */
async function standingOf(row: OrderRow, ctx: Ctx) {
  const [flags, received, payments] = await Promise.all([
    ctx.loaders.flagsByOrderId.load(row.id),
    ctx.loaders.moneyByOrderId.load(row.id),
    ctx.loaders.paymentsByOrderId.load(row.id),
  ]);
  const sums = await Promise.all(payments.map((p) => ctx.loaders.sumsByPaymentId.load(p.id)));
  return {
    onHold: flags.some((f) => f.clearedAt === null),
    netPaidMinor: (received?.capturedMinor ?? 0n) - (received?.refundedMinor ?? 0n),
    payments: payments.map((p, i) => ({
      provider: p.provider,
      status: p.status,
      authorizedMinor: sums[i]?.authorizedMinor ?? 0n,
      capturedMinor: sums[i]?.capturedMinor ?? 0n,
      refundedMinor: sums[i]?.refundedMinor ?? 0n,
    })),
  };
}

export const actionResolvers: Resolvers = {
  Order: {
    availableActions: async (row, _, ctx) => availableActions(row, await standingOf(row, ctx), ctx.principal),
  },
};
