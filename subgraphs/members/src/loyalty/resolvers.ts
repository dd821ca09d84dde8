// GraphQL resolvers of loyalty: balances and ledgers on Member, the caller's own points, adjustments and tier rules.
import { money, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { adjustPoints, adjustStoreCredit, pointsLedger, storeCreditLedger } from './service.js';
import { loadSettings, updateSettings } from './settings.js';
import { loadTierRules, updateTierRules } from './tiers.js';

type Ctx = SubgraphContext<Loaders>;

const storeCreditOf = async (memberId: string, ctx: Ctx) => {
  const { amountMinor, currencyCode } = await ctx.loaders.storeCreditByMemberId.load(memberId);
  return money(amountMinor, currencyCode);
};

/** Manual entries name the staff member in actorId; their source id says nothing more. */
const sourceIdOf = (row: { sourceKind: string; sourceId: string }) => (row.sourceKind === 'STAFF' ? null : row.sourceId);

/** Who changed a rule: a staff id, or the API key for a partner integration. */
const actorIdOf = ({ principal }: Ctx) => (principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? `key:${principal.apiKeyId}` : principal.kind);

export const loyaltyResolvers: Resolvers = {
  Query: {
    tierRules: (_, __, ctx) => loadTierRules(ctx.db),
    loyaltySettings: (_, __, ctx) => loadSettings(ctx.db),
    myPoints: (_, __, ctx) => (ctx.principal.kind === 'customer' ? { memberId: ctx.principal.memberId } : null),
    myStoreCredit: (_, __, ctx) =>
      ctx.principal.kind === 'customer' ? storeCreditOf(ctx.principal.memberId, ctx) : null,
  },
  Mutation: {
    memberPointsAdjust: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => adjustPoints(tx, ctx.principal, input)), (posted) => ({ entry: posted.entry, balance: posted.balance })),
    memberStoreCreditAdjust: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx) => adjustStoreCredit(tx, ctx.principal, input)), (posted) => ({
        entry: posted.entry,
        balance: money(posted.balanceMinor, input.currencyCode),
      })),
    tierRulesUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateTierRules(tx, input, actorIdOf(ctx), changes)), (rules) => ({ rules })),
    loyaltySettingsUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateSettings(tx, input, changes)), (settings) => ({ settings })),
  },
  Member: {
    points: (row, _, ctx) => ctx.loaders.pointsByMemberId.load(row.id),
    storeCredit: (row, _, ctx) => storeCreditOf(row.id, ctx),
    pointsLedger: (row, args, ctx) => pointsLedger(ctx.db, row.id, args),
    storeCreditLedger: (row, args, ctx) => storeCreditLedger(ctx.db, row.id, args),
  },
  MyPoints: {
    balance: (own, _, ctx) => ctx.loaders.pointsByMemberId.load(own.memberId),
    ledger: (own, args, ctx) => pointsLedger(ctx.db, own.memberId, args),
  },
  PointsEntry: {
    sourceId: (row) => sourceIdOf(row),
  },
  StoreCreditEntry: {
    delta: (row) => money(row.deltaMinor, row.currencyCode),
    sourceId: (row) => sourceIdOf(row),
  },
  LoyaltySettings: {
    earnPer: (row) => money(row.earnPerMinor, row.currencyCode),
    pointValue: (row) => money(row.pointValueMinor, row.currencyCode),
  },
  TierRule: {
    threshold: (rule) => rule.threshold.toString(),
  },
};

/** Who may enter loyalty's queries and mutations (the gateway checked scopes and step-up). */
export const loyaltyPermissions: EntryPointRules = {
  Query: { tierRules: rules.operator, loyaltySettings: rules.operator, myPoints: rules.customer, myStoreCredit: rules.customer },
  Mutation: { memberPointsAdjust: rules.staff, memberStoreCreditAdjust: rules.staff, tierRulesUpdate: rules.operator, loyaltySettingsUpdate: rules.operator },
};

