// GraphQL resolvers of purchase statistics: Member.statistics and its figures.
import { money } from '@shop/kit';
import type { Resolvers } from '../generated/resolvers-types.js';

export const statisticsResolvers: Resolvers = {
  Member: {
    // The member row passed its row rule (a customer loads only their own), so its statistics may follow.
    statistics: (row, _, ctx) => ctx.loaders.statisticsByMemberId.load(row.id),
  },
  MemberStatistics: {
    totalSpent: (row) => money(row.totalSpentMinor, row.currencyCode),
    averageOrderValue: (row) => money(row.averageOrderMinor, row.currencyCode),
    favouriteCategories: (row) => row.favouriteCategoryIds.map((id) => ({ __typename: 'Category' as const, id })),
  },
};
