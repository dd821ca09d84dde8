import { codedError, DEFAULT_CURRENCY, type SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { salesSummary } from './service.js';

type Ctx = SubgraphContext<Loaders>;

// ISO 8601 with an explicit offset: a time without a zone would be read in the server's zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: string, argument: string): Date {
  const date = new Date(value);
  if (!DATE_TIME.test(value) || Number.isNaN(date.getTime())) {
    throw codedError('BAD_USER_INPUT', `\`${argument}\` is not an ISO 8601 date-time with a time zone.`, { argument });
  }
  return date;
}

export const resolvers = {
  Query: {
    salesSummary: async (
      _: unknown,
      args: { from: string; to: string; currencyCode?: string | null },
      ctx: Ctx,
    ) => {
      const result = await salesSummary(ctx.db, {
        from: parseDateTime(args.from, 'from'),
        to: parseDateTime(args.to, 'to'),
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
