import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

export type MemberTier = 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

export interface MembersListNode {
  id: string;
  displayName: string;
  tier: MemberTier;
  points: number;
  createdAt: string;
}

export const MembersList = operation<{ members: Connection<MembersListNode> }, PageVariables>(/* GraphQL */ `
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
        }
      }
    }
  }
`);
