// GraphQL resolvers of checkout: turning a cart into an order.
import { money, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import { checkoutComplete, type CheckoutInput } from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

export const checkoutResolvers = {
  Mutation: {
    checkoutComplete: async (_: unknown, { input }: Input<CheckoutInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => checkoutComplete(tx, ctx.principal, input)), (row) => ({
        // Only a customer reads the order itself; anyone else (guests) the confirmation.
        order: ctx.principal.kind === 'customer' ? row : null,
        confirmation: { orderId: row.id, number: row.number, status: 'PENDING_PAYMENT', total: money(row.totalMinor, row.currencyCode) },
      })),
  },
};
