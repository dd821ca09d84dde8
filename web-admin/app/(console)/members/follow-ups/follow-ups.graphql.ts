import { graphql } from '@/gql';
import type { ContactFollowUpsQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

export const ContactFollowUps = graphql(`
  query ContactFollowUps($first: Int, $after: String, $last: Int, $before: String) {
    contactFollowUpsDue(first: $first, after: $after, last: $last, before: $before) {
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
          channel
          summary
          followUpOn
          followUpDone
          createdAt
          member {
            id
            displayName
          }
        }
      }
    }
  }
`);

export type FollowUpEntry = NodeOf<ContactFollowUpsQuery['contactFollowUpsDue']>;
