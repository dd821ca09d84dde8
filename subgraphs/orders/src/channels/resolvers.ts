// GraphQL resolvers of staff-created and imported orders.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { OrderRow } from '../tables.js';
import { orderCreate, orderImport } from './service.js';

const orderPayload = (row: OrderRow) => ({ order: row });

export const channelResolvers: Resolvers = {
  Mutation: {
    orderCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => orderCreate(tx, ctx.principal, input)), orderPayload),
    orderImport: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => orderImport(tx, ctx.principal, input)), orderPayload),
  },
};
