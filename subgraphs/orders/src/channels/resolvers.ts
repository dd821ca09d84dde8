// GraphQL resolvers of staff-created and imported orders.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import { orderCreate, orderImport, type OrderCreateInput, type OrderImportInput } from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const orderPayload = (row: OrderRow) => ({ order: row });

export const channelResolvers = {
  Mutation: {
    orderCreate: async (_: unknown, { input }: Input<OrderCreateInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderCreate(tx, ctx.principal, input)), orderPayload),
    orderImport: async (_: unknown, { input }: Input<OrderImportInput>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => orderImport(tx, ctx.principal, input)), orderPayload),
  },
};
