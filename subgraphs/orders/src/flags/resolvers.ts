// GraphQL resolvers of order flags: rules, holds and releases, and the flags on an order.
import { money, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { actorOf } from '../history/index.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import { loadFlagRules, updateFlagRules, type FlagRuleInput, type FlagRuleSettings } from './rules.js';
import { holdOrder, releaseOrder } from './service.js';
import type { OrderFlagRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

export const flagResolvers = {
  Query: {
    orderFlagRules: (_: unknown, __: unknown, ctx: Ctx) => loadFlagRules(ctx.db),
  },
  Mutation: {
    orderHold: async (_: unknown, { input }: Input<{ orderId: string; reason: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => holdOrder(tx, actorOf(ctx.principal), input)), (row) => ({ order: ctx.loaders.orderById.load(row.id) })),
    orderRelease: async (_: unknown, { input }: Input<{ orderId: string; flagIds?: string[] | null; note?: string | null }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => releaseOrder(tx, actorOf(ctx.principal), input)), (row) => ({ order: ctx.loaders.orderById.load(row.id) })),
    orderFlagRulesUpdate: async (_: unknown, { input }: Input<{ rules: FlagRuleInput[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => updateFlagRules(tx, input, actorOf(ctx.principal).label)), (rules) => ({ rules })),
  },
  Order: {
    flags: (row: OrderRow, _: unknown, ctx: Ctx) => ctx.loaders.flagsByOrderId.load(row.id),
    onHold: async (row: OrderRow, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.flagsByOrderId.load(row.id)).some((f) => f.clearedAt === null),
  },
  OrderFlag: {
    open: (flag: OrderFlagRow) => flag.clearedAt === null,
  },
  OrderFlagRule: {
    threshold: (s: FlagRuleSettings) => (s.threshold ? money(s.threshold.amountMinor, s.threshold.currencyCode) : null),
  },
};
