// GraphQL resolvers of coupon codes on carts: apply and remove, each one transaction with the cart as payload.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { CartRow } from '../cart/tables.js';
import { availableCoupons } from './available.js';
import { cartApplyCoupon, cartRemoveCoupon } from './service.js';

const cartPayload = (row: CartRow) => ({ cart: row });

export const cartCouponResolvers: Resolvers = {
  Mutation: {
    cartApplyCoupon: async (_, { input }, ctx) => payload(await mutate(ctx, (tx) => cartApplyCoupon(tx, ctx.principal, input)), cartPayload),
    cartRemoveCoupon: async (_, { input }, ctx) => payload(await mutate(ctx, (tx) => cartRemoveCoupon(tx, ctx.principal, input)), cartPayload),
  },
  Cart: {
    availableCoupons: async (row, _, ctx) => {
      const lines = await Promise.all(
        (await ctx.loaders.cartLinesByCartId.load(row.id)).map(async (line) => ({ line, variant: await ctx.loaders.variantById.load(line.variantId) })),
      );
      const priced = lines
        .filter(({ variant }) => variant?.sellable)
        .map(({ line, variant }) => ({ variantId: line.variantId, productId: variant!.productId, quantity: line.quantity, unitPriceMinor: variant!.priceMinor }));
      return availableCoupons(ctx.db, row, priced, ctx.acceptLanguage);
    },
  },
};

/** Open to whoever holds the cart, as every cart mutation (the cart's row rule is in openCart). */
export const cartCouponPermissions: EntryPointRules = {
  Mutation: { cartApplyCoupon: rules.public, cartRemoveCoupon: rules.public },
};
