// Saved reports: GraphQL resolvers of the list, the entity and saving, changing and deleting.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { savedReportCreate, savedReportDelete, savedReportsOf, savedReportUpdate } from './service.js';

export const savedReportResolvers: Resolvers = {
  Query: {
    savedReports: (_, args, ctx) => savedReportsOf(ctx.db, ctx.principal, args),
    savedReport: (_, { id }, ctx) => ctx.loaders.savedReportById.load(id),
  },
  Mutation: {
    savedReportCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => savedReportCreate(tx, ctx.principal, input)), (savedReport) => ({ savedReport })),
    savedReportUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => savedReportUpdate(tx, ctx.principal, input, changes)), (savedReport) => ({ savedReport })),
    savedReportDelete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => savedReportDelete(tx, ctx.principal, input)), (deletedId) => ({ deletedId })),
  },
  SavedReport: {
    // The row rule is in the loader: a report the caller may not see resolves to null on _entities too.
    __resolveReference: (ref, ctx) => ctx.loaders.savedReportById.load(ref.id),
    definition: (row) => ({
      ...row.definition,
      dimensions: row.definition.dimensions ?? [],
      filters: row.definition.filters ?? [],
      rangePreset: row.definition.rangePreset ?? null,
      range: row.definition.range ?? null,
      currencyCode: (row.definition.currencyCode as never) ?? null,
    }),
    createdBy: (row) => ({ __typename: 'Staff', id: row.createdBy }),
    schedules: (row, _, ctx) => ctx.loaders.schedulesBySavedReportId.load(row.id),
  },
};
