import { graphql } from '@/gql';

export const MemberStatisticsDetail = graphql(`
  query MemberStatisticsDetail($id: ID!) {
    member(id: $id) {
      id
      statistics {
        ordersCount
        totalSpent {
          amount
          currencyCode
        }
        averageOrderValue {
          amount
          currencyCode
        }
        firstOrderAt
        lastOrderAt
        favouriteCategories {
          id
          name
        }
      }
    }
  }
`);
