import type { SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { listWarehouses, summarize } from './service.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    warehouses: (_: unknown, __: unknown, ctx: Ctx) => listWarehouses(ctx.db),
  },
  Warehouse: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.warehouseById.load(ref.id),
  },
  ProductVariant: {
    // Products owns the variant; this subgraph only adds its stock, so the id is all it needs.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    stock: async (variant: { id: string }, _: unknown, ctx: Ctx) =>
      summarize(await ctx.loaders.levelsByVariantId.load(variant.id)),
  },
};
