// GraphQL resolvers of promotions: the list, one promotion, and the staff writes.
import { callersLocale, money } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { titleIn } from '../pricing/reasons.js';
import { archivePromotion, createPromotion, listPromotions, promotionStatus, updatePromotion } from './service.js';
import type { PromotionRow } from './tables.js';

const promotionPayload = (promotion: PromotionRow) => ({ promotion });
const moneyOrNull = (minor: bigint | null, row: PromotionRow) => (minor == null ? null : money(minor, row.currencyCode));

export const promotionResolvers: Resolvers = {
  Query: {
    promotions: (_, args, ctx) => listPromotions(ctx.db, args),
    promotion: (_, { id }, ctx) => ctx.loaders.promotionById.load(id),
  },
  Mutation: {
    promotionCreate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => createPromotion(tx, input, changes)), promotionPayload),
    promotionUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updatePromotion(tx, input.id, input, changes)), promotionPayload),
    promotionArchive: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => archivePromotion(tx, input.id, changes)), promotionPayload),
  },
  Promotion: {
    __resolveReference: (ref, ctx) => ctx.loaders.promotionById.load(ref.id),
    title: (row, { locale }, ctx) => titleIn(row.titles, callersLocale(locale ?? ctx.acceptLanguage), row.id),
    titles: (row) => Object.entries(row.titles).map(([locale, text]) => ({ locale, text })),
    status: (row) => promotionStatus(row, new Date()),
    channels: (row) => row.channels as never,
    memberTiers: (row) => row.memberTiers as never,
    scope: (row) => ({ kind: row.scopeKind, ids: row.scopeIds }),
    spendTiers: (row) =>
      row.spendTiers?.map((t) => ({ threshold: money(t.thresholdMinor, row.currencyCode), amountOff: money(t.offMinor, row.currencyCode) })) ?? null,
    percentOff: (row) => row.percentBp,
    amountOff: (row) => moneyOrNull(row.amountOffMinor, row),
    maxDiscount: (row) => moneyOrNull(row.maxDiscountMinor, row),
    minimumSpend: (row) => moneyOrNull(row.minSpendMinor, row),
  },
};

/** Promotions are staff matters: shoppers see their effect in the cart's price explanation. */
export const promotionPermissions: EntryPointRules = {
  Query: { promotions: rules.operator, promotion: rules.operator },
  Mutation: { promotionCreate: rules.operator, promotionUpdate: rules.operator, promotionArchive: rules.operator },
};
