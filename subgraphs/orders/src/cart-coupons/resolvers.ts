// GraphQL resolvers of coupon codes on carts: apply and remove, each one transaction with the cart as payload.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { CartRow } from '../cart/tables.js';
import { cartApplyCoupon, cartRemoveCoupon } from './service.js';

const cartPayload = (row: CartRow) => ({ cart: row });

export const cartCouponResolvers: Resolvers = {
  Mutation: {
    cartApplyCoupon: async (_, { input }, ctx) => payload(await mutate(ctx, (tx) => cartApplyCoupon(tx, ctx.principal, input)), cartPayload),
    cartRemoveCoupon: async (_, { input }, ctx) => payload(await mutate(ctx, (tx) => cartRemoveCoupon(tx, ctx.principal, input)), cartPayload),
  },
};

/** Open to whoever holds the cart, as every cart mutation (the cart's row rule is in openCart). */
export const cartCouponPermissions: EntryPointRules = {
  Mutation: { cartApplyCoupon: rules.public, cartRemoveCoupon: rules.public },
};
