// Reviews: the GraphQL queries, mutations and Review fields.
import { codedError } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Resolvers } from '../generated/resolvers-types.js';
import { createReview, listReviews, moderateReview, replyToReview } from './service.js';

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const reviewResolvers: Resolvers = {
  Query: {
    reviews: (_, args, ctx) => listReviews(ctx.db, args),
  },
  Mutation: {
    reviewCreate: async (_, { input }, ctx) => {
      if (ctx.principal.kind !== 'customer') throw codedError('FORBIDDEN', 'Reviews are written by signed-in customers.');
      const memberId = ctx.principal.memberId;
      return payload(await mutate(ctx, (tx) => createReview(tx, memberId, input)), (review) => ({ review }));
    },
    reviewModerate: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => moderateReview(tx, input, changes)), (review) => ({ review })),
    reviewReply: async (_, { input }, ctx) =>
      payload(await mutate(ctx, (tx, changes) => replyToReview(tx, input, changes)), (review) => ({ review })),
  },
  Review: {
    product: (row, _, ctx) => ctx.loaders.productById.load(row.productId),
    member: (row) => ({ __typename: 'Member', id: row.memberId }),
  },
};
