// Reviews: the GraphQL queries, mutations and Review fields.
import { codedError, type ConnectionArgs, type SubgraphContext } from '@shop/kit';
import { mutate, payload } from '@shop/kit/mutation';
import type { Loaders } from '../loaders.js';
import { createReview, listReviews, moderateReview, replyToReview, type ReviewStatus } from './service.js';
import type { ReviewRow } from './tables.js';

type Ctx = SubgraphContext<Loaders>;
type Input<T> = { input: T };

/** Spread into the products subgraph's resolver map (resolvers.ts). */
export const reviewResolvers = {
  Query: {
    reviews: (_: unknown, args: ConnectionArgs & { filter?: { status?: ReviewStatus; productId?: string } }, ctx: Ctx) =>
      listReviews(ctx.db, args),
  },
  Mutation: {
    reviewCreate: async (
      _: unknown,
      { input }: Input<{ productId: string; rating: number; title?: string; body: string }>,
      ctx: Ctx,
    ) => {
      if (ctx.principal.kind !== 'customer') throw codedError('FORBIDDEN', 'Reviews are written by signed-in customers.');
      const memberId = ctx.principal.memberId;
      return payload(await mutate(ctx, (tx) => createReview(tx, memberId, input)), (review) => ({ review }));
    },
    reviewModerate: async (_: unknown, { input }: Input<{ id: string; status: ReviewStatus }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => moderateReview(tx, input, changes)), (review) => ({ review })),
    reviewReply: async (_: unknown, { input }: Input<{ id: string; body: string }>, ctx: Ctx) =>
      payload(await mutate(ctx, (tx, changes) => replyToReview(tx, input, changes)), (review) => ({ review })),
  },
  Review: {
    product: (row: ReviewRow, _: unknown, ctx: Ctx) => ctx.loaders.productById.load(row.productId),
    member: (row: ReviewRow) => ({ __typename: 'Member', id: row.memberId }),
  },
};
