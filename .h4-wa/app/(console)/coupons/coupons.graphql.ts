import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

export type CouponKind = 'PERCENTAGE' | 'FIXED_AMOUNT';

export type CouponStatus = 'SCHEDULED' | 'ACTIVE' | 'EXPIRED' | 'ARCHIVED';

export interface CouponsListNode {
  id: string;
  code: string;
  title: string;
  kind: CouponKind;
  status: CouponStatus;
  startsAt: string;
  endsAt: string;
}

export const CouponsList = operation<{ coupons: Connection<CouponsListNode> }, PageVariables>(/* GraphQL */ `
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
