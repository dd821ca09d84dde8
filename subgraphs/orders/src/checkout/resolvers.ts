// GraphQL resolvers of checkout: turning a cart into an order.
import { money } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { checkoutComplete } from './service.js';

export const checkoutResolvers: Resolvers = {
  Mutation: {
    checkoutComplete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => checkoutComplete(tx, ctx.principal, input, ctx.acceptLanguage)), (row) => ({
        // Only a customer reads the order itself; anyone else (guests) the confirmation.
        order: ctx.principal.kind === 'customer' ? row : null,
        confirmation: { orderId: row.id, number: row.number, status: 'PENDING_PAYMENT', total: money(row.totalMinor, row.currencyCode) },
      })),
  },
};
