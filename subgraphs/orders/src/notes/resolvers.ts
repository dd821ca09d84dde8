// GraphQL resolvers of operators' notes and tags on orders.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import { orderNoteAdd, orderTagsChange } from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const orderPayload = (row: OrderRow) => ({ order: row });

export const noteResolvers = {
  Mutation: {
    orderNoteAdd: async (_: unknown, { input }: Input<{ id: string; note: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderNoteAdd(tx, actorOf(ctx.principal), input)), orderPayload),
    orderTagsAdd: async (_: unknown, { input }: Input<{ id: string; tags: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderTagsChange(tx, actorOf(ctx.principal), input, 'ADD')), orderPayload),
    orderTagsRemove: async (_: unknown, { input }: Input<{ id: string; tags: string[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderTagsChange(tx, actorOf(ctx.principal), input, 'REMOVE')), orderPayload),
  },
};
