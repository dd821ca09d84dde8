// GraphQL resolvers of the order state machine: one mutation per transition, and shipping.
import type { SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow, OrderStatus } from '../tables.js';
import { shipOrder, transitionOrder } from './service.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const orderPayload = (row: OrderRow) => ({ order: row });

/** Runs an order lifecycle transition as one mutation. */
const transition =
  (to: OrderStatus, noteOf: (input: { id: string; reason?: string | null }) => string | null = (i) => i.reason?.trim() || null) =>
  async (_: unknown, { input }: Input<{ id: string; reason?: string | null }>, ctx: Ctx) =>
    payload(
      await mutate(ctx, (tx) => transitionOrder(tx, { orderId: input.id, to, actor: actorOf(ctx.principal), note: noteOf(input) })),
      orderPayload,
    );

export const lifecycleResolvers = {
  Mutation: {
    orderCancel: transition('CANCELLED'),
    orderClose: transition('CLOSED'),
    orderFulfil: transition('FULFILLING'),
    orderMarkDelivered: transition('DELIVERED'),
    orderComplete: transition('COMPLETED'),
    orderShip: async (_: unknown, { input }: Input<{ id: string; carrier: string; trackingNumber: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => shipOrder(tx, actorOf(ctx.principal), input)), orderPayload),
  },
};
