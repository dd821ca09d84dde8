// Anomaly alerts: GraphQL resolvers of the rules, the alert list and acknowledging.
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { anomalyAlertAcknowledge, anomalyAlerts, anomalyRules, anomalyRuleUpdate } from './service.js';

export const anomalyResolvers: Resolvers = {
  Query: {
    anomalyRules: (_, __, ctx) => anomalyRules(ctx.db),
    anomalyAlerts: (_, args, ctx) => anomalyAlerts(ctx.db, args),
  },
  Mutation: {
    anomalyRuleUpdate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => anomalyRuleUpdate(tx, input, changes)), (rule) => ({ rule })),
    anomalyAlertAcknowledge: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => anomalyAlertAcknowledge(tx, ctx.principal, input)), (alert) => ({ alert })),
  },
  AnomalyRule: {
    metric: (row) => row.metric as never,
    direction: (row) => row.direction as never,
  },
  AnomalyAlert: {
    metric: (row) => row.metric as never,
    direction: (row) => row.direction as never,
    status: (row) => row.status as never,
    acknowledgedBy: (row) => (row.acknowledgedBy ? { __typename: 'Staff', id: row.acknowledgedBy } : null),
  },
};
