import { graphql } from '@/gql';

export const CouponsList = graphql(`
  query CouponsList($first: Int, $after: String, $last: Int, $before: String) {
    coupons(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          code
          title
          kind
          status
          startsAt
          endsAt
        }
      }
    }
  }
`);

export type { CouponKind, CouponStatus } from '@/gql/graphql';
