// The stock domain's dashboard tiles (scopes enforced at the gateway).
import { dashboardReference } from '@shop/kit/dashboard';
import type { Resolvers } from '../generated/resolvers-types.js';
import { lowStockVariants, stockCover } from './tiles.js';

export const dashboardResolvers: Resolvers = {
  Dashboard: {
    __resolveReference: (ref, ctx) => dashboardReference(ref, ctx.principal),
    lowStockVariants: (_, __, ctx) => lowStockVariants(ctx.db),
    stockCover: (_, args, ctx) => stockCover(ctx.db, args.first ?? 10),
  },
};
