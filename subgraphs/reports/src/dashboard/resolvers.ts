// The dashboard entity's root: reports owns Query.dashboard; each domain adds its tiles to the entity.
import { DASHBOARD_ID, dashboardReference } from '@shop/kit/dashboard';
import type { Resolvers } from '../generated/resolvers-types.js';

export const dashboardResolvers: Resolvers = {
  Query: {
    dashboard: () => ({ id: DASHBOARD_ID }),
  },
  Dashboard: {
    __resolveReference: (ref, ctx) => dashboardReference(ref, ctx.principal),
  },
};
