// The orders domain's dashboard tiles: counts of the to-do lists (scopes enforced at the gateway).
import { dashboardReference } from '@shop/kit/dashboard';
import type { Resolvers } from '../generated/resolvers-types.js';
import { afterSalesWaiting, deliveryExceptionsOpen, flaggedOrders, toShipToday, unpaidOrders } from './tiles.js';

export const dashboardResolvers: Resolvers = {
  Dashboard: {
    __resolveReference: (ref, ctx) => dashboardReference(ref, ctx.principal),
    unpaidOrders: (_, __, ctx) => unpaidOrders(ctx.db),
    toShipToday: (_, __, ctx) => toShipToday(ctx.db),
    flaggedOrders: (_, __, ctx) => flaggedOrders(ctx.db),
    deliveryExceptionsOpen: (_, __, ctx) => deliveryExceptionsOpen(ctx.db),
    afterSalesWaiting: (_, __, ctx) => afterSalesWaiting(ctx.db),
  },
};
