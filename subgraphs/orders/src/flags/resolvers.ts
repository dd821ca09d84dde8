import { desc } from 'drizzle-orm';
import { anyId, groupLoader, money, type Db, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { actorOf } from '../history.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import { holdOrder, releaseOrder } from './hold.js';
import { loadFlagRules, updateFlagRules, type FlagRuleInput, type FlagRuleSettings } from './rules.js';
import { orderFlag, type OrderFlagRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

/** Flags of many orders in one query, newest first within each order. */
function flagsByOrderIds(db: Db, orderIds: readonly string[]) {
  return db.select().from(orderFlag).where(anyId(orderFlag.orderId, orderIds)).orderBy(orderFlag.orderId, desc(orderFlag.createdAt));
}

// Per-request loaders, kept beside the request's context so they live and die with it.
const loaders = new WeakMap<Ctx, ReturnType<typeof createFlagLoaders>>();
const createFlagLoaders = (db: Db) => ({ flagsByOrderId: groupLoader((ids: readonly string[]) => flagsByOrderIds(db, ids), (f) => f.orderId) });
const flagLoaders = (ctx: Ctx) => {
  let own = loaders.get(ctx);
  if (!own) loaders.set(ctx, (own = createFlagLoaders(ctx.db)));
  return own;
};

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
    flags: (row: OrderRow, _: unknown, ctx: Ctx) => flagLoaders(ctx).flagsByOrderId.load(row.id),
    onHold: async (row: OrderRow, _: unknown, ctx: Ctx) =>
      (await flagLoaders(ctx).flagsByOrderId.load(row.id)).some((f) => f.clearedAt === null),
  },
  OrderFlag: {
    open: (flag: OrderFlagRow) => flag.clearedAt === null,
  },
  OrderFlagRule: {
    threshold: (s: FlagRuleSettings) => (s.threshold ? money(s.threshold.amountMinor, s.threshold.currencyCode) : null),
  },
};

/** Flag rules and holds are back-office work; the gateway checked orders:read / orders:write. */
export const flagPermissions: EntryPointRules = {
  Query: { orderFlagRules: rules.operator },
  Mutation: { orderHold: rules.operator, orderRelease: rules.operator, orderFlagRulesUpdate: rules.operator },
};
