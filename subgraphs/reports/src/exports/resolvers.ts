// Report exports: GraphQL resolvers of asking for one and following it.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { reportExportDownloadPath, reportExportOf, reportExportStart } from './service.js';

export const exportResolvers: Resolvers = {
  Query: {
    reportExportJob: (_, { id }, ctx) => reportExportOf(ctx.db, ctx.principal, id),
  },
  Mutation: {
    reportExport: async (_, { input }, ctx) => payload(await mutate(ctx, (tx) => reportExportStart(tx, ctx.principal, input)), (row) => ({ export: row })),
  },
  ReportExport: {
    status: (row) => row.status as never,
    format: (row) => row.format as never,
    downloadUrl: (row) => (row.status === 'DONE' ? reportExportDownloadPath(row) : null),
  },
};
