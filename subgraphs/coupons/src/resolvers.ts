// GraphQL resolvers of coupons.
import { money, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import type { Loaders } from './loaders.js';
import { couponStatus, listCoupons } from './service.js';
import type { CouponRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;

export const resolvers = {
  Query: {
    coupons: (_: unknown, args: ConnectionArgs, ctx: Ctx) => listCoupons(ctx.db, args),
    coupon: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.couponById.load(args.id),
  },
  Coupon: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.couponById.load(ref.id),
    percentOff: (row: CouponRow) => (row.kind === 'PERCENTAGE' ? Number(row.value) : null),
    amountOff: (row: CouponRow) => (row.kind === 'FIXED_AMOUNT' ? money(row.value, row.currencyCode) : null),
    minimumSpend: (row: CouponRow) => money(row.minimumSpendMinor, row.currencyCode),
    status: (row: CouponRow) => couponStatus(row, new Date()),
  },
};
