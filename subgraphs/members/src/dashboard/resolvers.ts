// The members domain's dashboard tile: follow-ups due, counted as the follow-up list counts them (scope at the gateway).
import { dashboardReference } from '@shop/kit/dashboard';
import { countFollowUpsDue } from '../contacts/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const dashboardResolvers: Resolvers = {
  Dashboard: {
    __resolveReference: (ref, ctx) => dashboardReference(ref, ctx.principal),
    followUpsDue: (_, __, ctx) => countFollowUpsDue(ctx.db),
  },
};
