// GraphQL resolvers of operators' notes and tags on orders.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import type { OrderRow } from '../tables.js';
import { orderNoteAdd, orderTagsChange } from './service.js';

const orderPayload = (row: OrderRow) => ({ order: row });

export const noteResolvers: Resolvers = {
  Mutation: {
    orderNoteAdd: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => orderNoteAdd(tx, actorOf(ctx.principal), input)), orderPayload),
    orderTagsAdd: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => orderTagsChange(tx, actorOf(ctx.principal), input, 'ADD')), orderPayload),
    orderTagsRemove: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => orderTagsChange(tx, actorOf(ctx.principal), input, 'REMOVE')), orderPayload),
  },
};
