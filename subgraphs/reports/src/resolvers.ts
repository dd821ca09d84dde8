// GraphQL resolvers of reports.
import { codedError, DEFAULT_CURRENCY, type SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { salesSummary } from './service.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    salesSummary: async (
      _: unknown,
      args: { from: Date; to: Date; currencyCode?: string | null },
      ctx: Ctx,
    ) => {
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
