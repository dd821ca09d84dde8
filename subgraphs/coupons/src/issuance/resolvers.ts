// GraphQL resolvers of issuance: claims, pushes, bulk codes, the batches' progress and the customer's coupons.
import { codedError, money, type Principal } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import { localeOf, titleIn } from '../service.js';
import type { CouponRow } from '../tables.js';
import { requestCodes, requestSegmentIssue } from './batches.js';
import { claimCoupon } from './claim.js';
import { codesDownloadPath } from './export.js';
import type { CouponBatchRow } from './tables.js';
import { claimableCoupons, myCoupons, type WalletCoupon } from './wallet.js';

const batchPayload = (batch: CouponBatchRow) => ({ batch });

/** The signed-in customer's member id; the policy let only customers in, this keeps the subgraph safe on its own. */
function memberIdOf(principal: Principal): string {
  if (principal.kind !== 'customer') throw codedError('FORBIDDEN', 'This needs a customer session.');
  return principal.memberId;
}

/** What a coupon offers, as the storefront shows it (ClaimableCoupon, MyCoupon). */
const offer = (row: CouponRow) => ({
  percentOff: row.kind === 'PERCENTAGE' ? Number(row.value) : null,
  amountOff: row.kind === 'FIXED_AMOUNT' ? money(row.value, row.currencyCode) : null,
  maxDiscount: row.maxDiscountMinor === null ? null : money(row.maxDiscountMinor, row.currencyCode),
  minimumSpend: money(row.minimumSpendMinor, row.currencyCode),
});

export const issuanceResolvers: Resolvers = {
  Query: {
    couponBatch: (_, { id }, ctx) => ctx.loaders.batchById.load(id),
    myCoupons: (_, { usable }, ctx) => myCoupons(ctx.db, memberIdOf(ctx.principal), usable),
    claimableCoupons: (_, __, ctx) => claimableCoupons(ctx.db),
  },
  Mutation: {
    couponClaim: async (_, { input }, ctx) => {
      const memberId = memberIdOf(ctx.principal);
      const claimed = await mutate(ctx, (tx) => claimCoupon(tx, memberId, input.couponId));
      return payload(claimed, (value): { myCoupon: WalletCoupon } => ({ myCoupon: { ...value, unusableReason: null } }));
    },
    couponIssueToSegment: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => requestSegmentIssue(tx, input, changes)), batchPayload),
    couponCodesGenerate: async (_, { input }, ctx) => payload(await mutate(ctx, (tx, changes) => requestCodes(tx, input, changes)), batchPayload),
  },
  CouponBatch: {
    __resolveReference: (ref, ctx) => ctx.loaders.batchById.load(ref.id),
    coupon: async (row, _, ctx) => (await ctx.loaders.couponById.load(row.couponId))!,
    downloadUrl: (row) => (row.kind === 'CODES' && row.status === 'DONE' ? codesDownloadPath(row.id) : null),
  },
  ClaimableCoupon: {
    title: (row, { locale }, ctx) => titleIn(row, locale ?? localeOf(ctx.acceptLanguage)),
    ...({
      percentOff: (row: CouponRow) => offer(row).percentOff,
      amountOff: (row: CouponRow) => offer(row).amountOff,
      maxDiscount: (row: CouponRow) => offer(row).maxDiscount,
      minimumSpend: (row: CouponRow) => offer(row).minimumSpend,
    }),
  },
  MyCoupon: {
    code: (w) => w.code.code,
    title: (w, { locale }, ctx) => titleIn(w.coupon, locale ?? localeOf(ctx.acceptLanguage)),
    kind: (w) => w.coupon.kind,
    percentOff: (w) => offer(w.coupon).percentOff,
    amountOff: (w) => offer(w.coupon).amountOff,
    maxDiscount: (w) => offer(w.coupon).maxDiscount,
    minimumSpend: (w) => offer(w.coupon).minimumSpend,
    startsAt: (w) => w.coupon.startsAt,
    endsAt: (w) => w.coupon.endsAt,
    source: (w) => w.code.source,
    usable: (w) => w.unusableReason === null,
  },
};

/** Who may enter issuance: staff and partners for the back office, customers for their own coupons, anyone for the claimable list. */
export const issuancePermissions: EntryPointRules = {
  Query: { couponBatch: rules.operator, myCoupons: rules.customer, claimableCoupons: rules.public },
  Mutation: { couponClaim: rules.customer, couponIssueToSegment: rules.operator, couponCodesGenerate: rules.operator },
};
