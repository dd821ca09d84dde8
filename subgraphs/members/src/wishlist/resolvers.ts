// GraphQL resolvers of wishlists: the customer's own, and a member's for the staff.
import { mutate, payload } from '@shop/kit/mutation';
import { rules, type EntryPointRules } from '@shop/kit/shield';
import { customerOf } from '../accounts/resolvers.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { addToWishlist, removeFromWishlist, wishlistOf } from './service.js';

const productRef = (id: string) => ({ __typename: 'Product' as const, id });

export const wishlistResolvers: Resolvers = {
  Query: {
    myWishlist: (_, args, ctx) => wishlistOf(ctx.db, customerOf(ctx).memberId, args),
  },
  Mutation: {
    myWishlistAdd: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => addToWishlist(tx, memberId, input.productId, changes)), (item) => ({ item }));
    },
    myWishlistRemove: async (_, { input }, ctx) => {
      const { memberId } = customerOf(ctx);
      return payload(await mutate(ctx, (tx, changes) => removeFromWishlist(tx, memberId, input.productId, changes)), (removed) => ({ removed }));
    },
  },
  Member: {
    // The member row already passed its row rule (staff, or the customer's own) in memberById.
    wishlist: (row, args, ctx) => wishlistOf(ctx.db, row.id, args),
  },
  WishlistItem: {
    product: (row) => productRef(row.productId),
    addedAt: (row) => row.createdAt,
  },
};

export const wishlistPermissions: EntryPointRules = {
  Query: { myWishlist: rules.customer },
  Mutation: { myWishlistAdd: rules.customer, myWishlistRemove: rules.customer },
};
