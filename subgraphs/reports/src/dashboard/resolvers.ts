// The dashboard entity's root and its sales tiles: reports owns Query.dashboard; each domain adds its tiles to the entity.
import { DASHBOARD_ID, dashboardReference } from '@shop/kit/dashboard';
import type { Resolvers } from '../generated/resolvers-types.js';
import { channelSplit, gmvTrend, salesThisWeek, salesToday, slowMovers, topProducts } from './tiles.js';

export const dashboardResolvers: Resolvers = {
  Query: {
    dashboard: () => ({ id: DASHBOARD_ID }),
  },
  Dashboard: {
    __resolveReference: (ref, ctx) => dashboardReference(ref, ctx.principal),
    salesToday: (_, __, ctx) => salesToday(ctx.db),
    salesThisWeek: (_, __, ctx) => salesThisWeek(ctx.db),
    gmvTrend: (_, args, ctx) => gmvTrend(ctx.db, args.days ?? 30),
    channelSplit: (_, args, ctx) => channelSplit(ctx.db, args.days ?? 30),
    topProducts: (_, args, ctx) => topProducts(ctx.db, args.days ?? 30, args.first ?? 10, ctx.acceptLanguage),
    slowMovers: (_, args, ctx) => slowMovers(ctx.db, args.days ?? 30, args.first ?? 10, ctx.acceptLanguage),
  },
};
