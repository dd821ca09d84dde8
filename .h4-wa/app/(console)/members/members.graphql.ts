import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

export type MemberTier = 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

export interface MembersListNode {
  id: string;
  displayName: string;
  tier: MemberTier;
  points: number;
  createdAt: string;
  /** Needs members:read_pii: null (with a FORBIDDEN error at its path) otherwise. */
  email: string | null;
  phone: string | null;
  /** Masked forms that members:read is enough for. */
  maskedEmail: string | null;
  maskedPhone: string | null;
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
          email
          maskedEmail
          phone
          maskedPhone
        }
      }
    }
  }
`);
