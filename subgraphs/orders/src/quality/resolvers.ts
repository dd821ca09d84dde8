// GraphQL resolvers of quality signals: alerts, the rule, and a product's return reasons.
import type { Principal } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import type { OrderRow } from '../tables.js';
import type { QualityAlertRow } from './tables.js';
import { acknowledgeQualityAlert, listQualityAlerts, productReturnStats } from './service.js';
import { bpToPercent, loadQualityRule, updateQualityRule } from './settings.js';

const DEFAULT_STATS_WINDOW_DAYS = 30;

/** The alert's orders through the request's loader (one query for every alert on the page). */
async function ordersOf(row: QualityAlertRow, ctx: { loaders: Loaders }): Promise<OrderRow[]> {
  return (await ctx.loaders.orderById.loadMany(row.orderIds)).flatMap((o) => (o && !(o instanceof Error) ? [o] : []));
}

/** Staff are recorded by id; an API key acting leaves no staff identity. */
const staffIdOf = (principal: Principal) => (principal.kind === 'staff' ? principal.staffId : null);

export const qualityResolvers: Resolvers = {
  Query: {
    qualityAlerts: (_, args, ctx) => listQualityAlerts(ctx.db, args),
    qualityAlert: (_, { id }, ctx) => ctx.loaders.qualityAlertById.load(id),
    qualitySettings: (_, __, ctx) => loadQualityRule(ctx.db),
  },
  Mutation: {
    qualityAlertAcknowledge: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx, changes) => acknowledgeQualityAlert(tx, staffIdOf(ctx.principal), input, changes)),
        (qualityAlert) => ({ qualityAlert }),
      ),
    qualitySettingsUpdate: async (_, { input }, ctx) =>
      payload(
        await mutate(ctx, (tx, changes) => updateQualityRule(tx, staffIdOf(ctx.principal), input, changes)),
        (qualitySettings) => ({ qualitySettings }),
      ),
  },
  QualityAlert: {
    product: (row) => ({ __typename: 'Product', id: row.productId }),
    ratePercent: (row) => bpToPercent(row.rateBp),
    thresholdPercent: (row) => bpToPercent(row.thresholdBp),
    orderNumbers: async (row, _, ctx) => (await ordersOf(row, ctx)).map((o) => o.number),
    orders: (row, _, ctx) => ordersOf(row, ctx),
    acknowledgedBy: (row, _, ctx) =>
      ctx.principal.kind === 'staff' && row.acknowledgedByStaffId ? { __typename: 'Staff', id: row.acknowledgedByStaffId } : null,
  },
  QualitySettings: {
    rateThresholdPercent: (rule) => bpToPercent(rule.rateThresholdBp),
  },
  Product: {
    // Products owns the product; this subgraph only adds its return reasons, so the id is all it needs.
    __resolveReference: (ref) => ({ id: ref.id }),
    returnStats: (product, { windowDays }, ctx) => productReturnStats(ctx.db, product.id, windowDays ?? DEFAULT_STATS_WINDOW_DAYS),
  },
};
