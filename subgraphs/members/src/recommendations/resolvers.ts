// GraphQL resolvers of recommendations: Product.boughtTogether, Member.recommendedProducts and myRecommendations.
import type { SubgraphContext } from '@shop/kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import { MAX_RECOMMENDATIONS, type Recommendation } from './service.js';

const DEFAULT_RECOMMENDATIONS = 10;

/** `first` held to 1…MAX_RECOMMENDATIONS (the loaders read more, so filtered products leave room). */
function take(rows: Recommendation[], first: number | null | undefined): Recommendation[] {
  return rows.slice(0, Math.min(Math.max(first ?? DEFAULT_RECOMMENDATIONS, 1), MAX_RECOMMENDATIONS));
}

const forMember = async (memberId: string, first: number | null | undefined, ctx: SubgraphContext<Loaders>) =>
  take(await ctx.loaders.recommendationsByMemberId.load(memberId), first);

export const recommendationResolvers: Resolvers = {
  Query: {
    myRecommendations: (_, { first }, ctx) => (ctx.principal.kind === 'customer' ? forMember(ctx.principal.memberId, first, ctx) : null),
  },
  Member: {
    // The member row passed its row rule (a customer loads only their own), so its recommendations may follow.
    recommendedProducts: (row, { first }, ctx) => forMember(row.id, first, ctx),
  },
  Product: {
    // Public: any product id may be asked; it has neighbours only when it was bought.
    __resolveReference: (ref) => ({ id: ref.id }),
    boughtTogether: async (product, { first }, ctx) => take(await ctx.loaders.boughtTogetherByProductId.load(product.id), first),
  },
  ProductRecommendation: {
    product: (row) => ({ __typename: 'Product', id: row.productId }),
    ordersTogether: (row) => row.coCount,
  },
};
