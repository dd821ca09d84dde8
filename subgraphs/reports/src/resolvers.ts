// GraphQL resolvers of reports.
import { codedError, DEFAULT_CURRENCY, mergeResolvers } from '@shop/kit';
import { dashboardResolvers } from './dashboard/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { salesSummary } from './service.js';

const sales: Resolvers = {
  Query: {
    salesSummary: async (_, args, ctx) => {
      const result = await salesSummary(ctx.db, {
        from: args.from,
        to: args.to,
        currencyCode: args.currencyCode ?? DEFAULT_CURRENCY,
      });
      if (!result.ok) {
        const [error] = result.errors;
        throw codedError('BAD_USER_INPUT', error!.message, { argument: error!.field?.[0], reason: error!.code });
      }
      return result.value;
    },
  },
};

export const resolvers = mergeResolvers<Resolvers>(sales, dashboardResolvers);
