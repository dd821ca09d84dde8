// GraphQL resolvers of coupon templates: the writes and the fields a template shows.
import { money } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { couponStatus, titleIn, titlesOf } from '../service.js';
import type { CouponRow } from '../tables.js';
import type { CouponLocaleValue } from './input.js';
import { archiveCoupon, createCoupon, updateCoupon } from './service.js';

const couponPayload = (coupon: CouponRow) => ({ coupon });

export const templateResolvers: Resolvers = {
  Mutation: {
    couponCreate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => createCoupon(tx, input, changes)), couponPayload),
    couponUpdate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => updateCoupon(tx, input.id, input, changes)), couponPayload),
    couponArchive: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => archiveCoupon(tx, input.id, changes)), couponPayload),
  },
  Coupon: {
    __resolveReference: (ref, ctx) => ctx.loaders.couponById.load(ref.id),
    localizedTitle: (row, { locale }) => titleIn(row, locale),
    titles: (row) => Object.entries(titlesOf(row)).map(([locale, text]) => ({ locale: locale as CouponLocaleValue, text })),
    percentOff: (row) => (row.kind === 'PERCENTAGE' ? Number(row.value) : null),
    amountOff: (row) => (row.kind === 'FIXED_AMOUNT' ? money(row.value, row.currencyCode) : null),
    maxDiscount: (row) => (row.maxDiscountMinor === null ? null : money(row.maxDiscountMinor, row.currencyCode)),
    minimumSpend: (row) => money(row.minimumSpendMinor, row.currencyCode),
    scope: (row) => row.scopeKind,
    channels: (row) => row.channels as never,
    tiers: (row) => row.tiers as never,
    status: (row) => couponStatus(row, new Date()),
    redeemedDiscount: async (row, _, ctx) => money((await ctx.loaders.redeemedDiscountByCouponId.load(row.id)) ?? 0n, row.currencyCode),
    batches: (row, _, ctx) => ctx.loaders.batchesByCouponId.load(row.id),
  },
  CouponLocale: { en: 'en', th: 'th', zh_CN: 'zh-CN', zh_TW: 'zh-TW', ar: 'ar' },
};

/** Who may enter the template writes (the gateway checked marketing:write). */
export const templatePermissions: EntryPointRules = {
  Mutation: { couponCreate: rules.operator, couponUpdate: rules.operator, couponArchive: rules.operator },
};
