import { isOperator, money, type SubgraphContext } from '@shop/kit';
import { bulkResolvers } from './bulk/index.js';
import type { Loaders } from './loaders.js';
import { listProducts, type ProductFilter, type ProductSortKey } from './service.js';
import type { ProductRow, VariantRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    ...bulkResolvers.Query,
    products: (
      _: unknown,
      args: {
        first?: number; after?: string; last?: number; before?: string;
        filter?: ProductFilter; sortKey?: ProductSortKey; reverse?: boolean;
      },
      ctx: Ctx,
    ) => listProducts(ctx.db, args, { activeOnly: !isOperator(ctx.principal) }),
    product: async (_: unknown, args: { id: string }, ctx: Ctx) => {
      const row = await ctx.loaders.productById.load(args.id);
      return row && (row.status === 'ACTIVE' || isOperator(ctx.principal)) ? row : null;
    },
  },
  Product: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.productById.load(ref.id),
    variants: (row: ProductRow, _: unknown, ctx: Ctx) => ctx.loaders.variantsByProductId.load(row.id),
  },
  ProductVariant: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.variantById.load(ref.id),
    price: (row: VariantRow) => money(row.priceMinor, row.currencyCode),
    costPrice: (row: VariantRow) => (row.costMinor === null ? null : money(row.costMinor, row.currencyCode)),
    product: (row: VariantRow, _: unknown, ctx: Ctx) => ctx.loaders.productById.load(row.productId),
  },
};
