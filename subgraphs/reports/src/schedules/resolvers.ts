// Schedules: GraphQL resolvers of setting them up and what the console reads of them.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { deliveriesOf, nextRunAt, reportScheduleCreate, reportScheduleDelete, reportScheduleUpdate } from './service.js';

const MAX_DELIVERIES = 100;

export const scheduleResolvers: Resolvers = {
  Mutation: {
    reportScheduleCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => reportScheduleCreate(tx, ctx.principal, input)), (schedule) => ({ schedule })),
    reportScheduleUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => reportScheduleUpdate(tx, ctx.principal, input, changes)), (schedule) => ({ schedule })),
    reportScheduleDelete: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => reportScheduleDelete(tx, ctx.principal, input)), (deletedId) => ({ deletedId })),
  },
  ReportSchedule: {
    frequency: (row) => row.frequency as never,
    delivery: (row) => row.delivery as never,
    format: (row) => row.format as never,
    lastDeliveredPeriod: async (row, _, ctx) => {
      const last = await ctx.loaders.lastDeliveredPeriodByScheduleId.load(row.id);
      return last && { from: last.from, to: last.to };
    },
    nextRunAt: (row) => nextRunAt(row),
    deliveries: (row, { first }, ctx) => deliveriesOf(ctx.db, row.id, Math.min(Math.max(first ?? 10, 0), MAX_DELIVERIES)),
  },
  ReportDelivery: {
    period: (row) => ({ from: row.periodFrom, to: row.periodTo }),
    status: (row) => row.status as never,
  },
};
