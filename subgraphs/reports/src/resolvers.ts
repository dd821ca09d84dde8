// GraphQL resolvers of reports.
import { codedError, DEFAULT_CURRENCY, mergeResolvers } from '@shop/kit';
import type { Resolvers } from './generated/resolvers-types.js';
import { catalogFor } from './catalog/index.js';
import { runReport } from './engine/index.js';
import { anomalyResolvers } from './anomalies/resolvers.js';
import { exportResolvers } from './exports/resolvers.js';
import { savedReportResolvers } from './saved-reports/resolvers.js';
import { scheduleResolvers } from './schedules/resolvers.js';
import { salesSummary } from './service.js';

const reportResolvers: Resolvers = {
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
    reportCatalog: (_, __, ctx) => catalogFor(ctx.principal),
    report: async (_, args, ctx) => {
      const result = await runReport(ctx.db, args.input, ctx.principal, ctx.acceptLanguage ?? null);
      if (!result.ok) {
        const [error] = result.errors;
        const code = error!.code === 'METRIC_FORBIDDEN' || error!.code === 'DIMENSION_FORBIDDEN' ? 'FORBIDDEN' : 'BAD_USER_INPUT';
        throw codedError(code, error!.message, { argument: error!.field?.join('.'), reason: error!.code });
      }
      return result.value;
    },
  },
};

export const resolvers: Resolvers = mergeResolvers(reportResolvers, savedReportResolvers, exportResolvers, scheduleResolvers, anomalyResolvers);
