import { graphql } from '@/gql';

export const MembersList = graphql(`
  query MembersList($first: Int, $after: String, $last: Int, $before: String) {
    members(first: $first, after: $after, last: $last, before: $before) {
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
          displayName
          tier
          points
          createdAt
          email
          maskedEmail
          phone
          maskedPhone
        }
      }
    }
  }
`);

export type { MemberTier } from '@/gql/graphql';
