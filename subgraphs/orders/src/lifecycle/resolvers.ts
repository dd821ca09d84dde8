// GraphQL resolvers of the order state machine: one mutation per transition, and shipping.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { MutationOrderCancelArgs, OrderCancelInput, Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow, OrderStatus } from '../tables.js';
import { shipOrder } from '../shipments/ship-order.js';
import { transitionOrder } from './service.js';

type Ctx = SubgraphContext<Loaders>;

const orderPayload = (row: OrderRow) => ({ order: row });

/** Runs an order lifecycle transition as one mutation (every lifecycle input is an OrderCancelInput or less). */
const transition =
  (to: OrderStatus, noteOf: (input: OrderCancelInput) => string | null = (i) => i.reason?.trim() || null) =>
  async (_: unknown, { input }: MutationOrderCancelArgs, ctx: Ctx) =>
    payload(
      await mutate(ctx, (tx) => transitionOrder(tx, { orderId: input.id, to, actor: actorOf(ctx.principal), note: noteOf(input) })),
      orderPayload,
    );

export const lifecycleResolvers: Resolvers = {
  Mutation: {
    orderCancel: transition('CANCELLED'),
    orderClose: transition('CLOSED'),
    orderFulfil: transition('FULFILLING'),
    orderMarkDelivered: transition('DELIVERED'),
    orderComplete: transition('COMPLETED'),
    orderShip: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => shipOrder(tx, actorOf(ctx.principal), input)), orderPayload),
  },
};
