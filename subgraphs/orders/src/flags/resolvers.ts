// GraphQL resolvers of order flags: rules, holds and releases, and the flags on an order.
import { money } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { actorOf } from '../history/index.js';
import { loadFlagRules, updateFlagRules } from './rules.js';
import { holdOrder, releaseOrder } from './service.js';

export const flagResolvers: Resolvers = {
  Query: {
    orderFlagRules: (_, __, ctx) => loadFlagRules(ctx.db),
  },
  Mutation: {
    orderHold: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => holdOrder(tx, actorOf(ctx.principal), input)), (row) => ({ order: ctx.loaders.orderById.load(row.id) })),
    orderRelease: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => releaseOrder(tx, actorOf(ctx.principal), input)), (row) => ({ order: ctx.loaders.orderById.load(row.id) })),
    orderFlagRulesUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => updateFlagRules(tx, input, actorOf(ctx.principal).label)), (rules) => ({ rules })),
  },
  Order: {
    flags: (row, _, ctx) => ctx.loaders.flagsByOrderId.load(row.id),
    onHold: async (row, _, ctx) =>
      (await ctx.loaders.flagsByOrderId.load(row.id)).some((f) => f.clearedAt === null),
  },
  OrderFlag: {
    open: (flag) => flag.clearedAt === null,
  },
  OrderFlagRule: {
    threshold: (s) => (s.threshold ? money(s.threshold.amountMinor, s.threshold.currencyCode) : null),
  },
};
