// GraphQL resolvers of loyalty: balances and ledgers on Member, the caller's own points, adjustments and tier rules.
import { money, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Loaders } from '../loaders.js';
import type { Member } from '../service.js';
import { adjustPoints, adjustStoreCredit, pointsLedger, storeCreditLedger } from './service.js';
import type { CreditEntryRow, PointsEntryRow } from './tables.js';
import { loadTierRules, updateTierRules, type TierRule, type TierRuleInput } from './tiers.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

const storeCreditOf = async (memberId: string, ctx: Ctx) => {
  const { amountMinor, currencyCode } = await ctx.loaders.storeCreditByMemberId.load(memberId);
  return money(amountMinor, currencyCode);
};

/** Manual entries name the staff member in actorId; their source id says nothing more. */
const sourceIdOf = (row: { sourceKind: string; sourceId: string }) => (row.sourceKind === 'STAFF' ? null : row.sourceId);

/** Who changed a rule: a staff id, or the API key for a partner integration. */
const actorIdOf = ({ principal }: Ctx) => (principal.kind === 'staff' ? principal.staffId : principal.kind === 'partner' ? `key:${principal.apiKeyId}` : principal.kind);

export const loyaltyResolvers = {
  Query: {
    tierRules: (_: unknown, __: unknown, ctx: Ctx) => loadTierRules(ctx.db),
    myPoints: (_: unknown, __: unknown, ctx: Ctx) => (ctx.principal.kind === 'customer' ? { memberId: ctx.principal.memberId } : null),
    myStoreCredit: (_: unknown, __: unknown, ctx: Ctx) =>
      ctx.principal.kind === 'customer' ? storeCreditOf(ctx.principal.memberId, ctx) : null,
  },
  Mutation: {
    memberPointsAdjust: async (_: unknown, { input }: Input<{ memberId: string; delta: number; reason: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx) => adjustPoints(tx, ctx.principal, input)), (posted) => ({ entry: posted.entry, balance: posted.balance })),
    memberStoreCreditAdjust: async (
      _: unknown,
      { input }: Input<{ memberId: string; amount: string; currencyCode: string; reason: string }>,
      ctx: Ctx,
    ) =>
      payload(await mutate(ctx, (tx) => adjustStoreCredit(tx, ctx.principal, input)), (posted) => ({
        entry: posted.entry,
        balance: money(posted.balanceMinor, input.currencyCode),
      })),
    tierRulesUpdate: async (_: unknown, { input }: Input<{ rules: TierRuleInput[] }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateTierRules(tx, input, actorIdOf(ctx), changes)), (rules) => ({ rules })),
  },
  Member: {
    points: (row: Member, _: unknown, ctx: Ctx) => ctx.loaders.pointsByMemberId.load(row.id),
    storeCredit: (row: Member, _: unknown, ctx: Ctx) => storeCreditOf(row.id, ctx),
    pointsLedger: (row: Member, args: ConnectionArgs, ctx: Ctx) => pointsLedger(ctx.db, row.id, args),
    storeCreditLedger: (row: Member, args: ConnectionArgs, ctx: Ctx) => storeCreditLedger(ctx.db, row.id, args),
  },
  MyPoints: {
    balance: (own: { memberId: string }, _: unknown, ctx: Ctx) => ctx.loaders.pointsByMemberId.load(own.memberId),
    ledger: (own: { memberId: string }, args: ConnectionArgs, ctx: Ctx) => pointsLedger(ctx.db, own.memberId, args),
  },
  PointsEntry: {
    sourceId: (row: PointsEntryRow) => sourceIdOf(row),
  },
  StoreCreditEntry: {
    delta: (row: CreditEntryRow) => money(row.deltaMinor, row.currencyCode),
    sourceId: (row: CreditEntryRow) => sourceIdOf(row),
  },
  TierRule: {
    threshold: (rule: TierRule) => rule.threshold.toString(),
  },
};

/** Who may enter loyalty's queries and mutations (the gateway checked scopes and step-up). */
export const loyaltyPermissions: EntryPointRules = {
  Query: { tierRules: rules.operator, myPoints: rules.customer, myStoreCredit: rules.customer },
  Mutation: { memberPointsAdjust: rules.staff, memberStoreCreditAdjust: rules.staff, tierRulesUpdate: rules.operator },
};

