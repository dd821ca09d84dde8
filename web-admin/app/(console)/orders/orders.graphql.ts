import type { Connection, PageVariables } from '@/lib/connection';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';

export type OrderStatus =
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'FULFILLING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'CLOSED';

export type OrderChannel =
  | 'ONLINE_STORE'
  | 'MINI_PROGRAM'
  | 'MOBILE_APP'
  | 'POINT_OF_SALE'
  | 'MARKETPLACE';

export interface OrdersListNode {
  id: string;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  createdAt: string;
  total: Money;
  member: { id: string; displayName: string } | null;
}

export const OrdersList = operation<{ orders: Connection<OrdersListNode> }, PageVariables>(/* GraphQL */ `
  query OrdersList($first: Int, $after: String, $last: Int, $before: String) {
    orders(first: $first, after: $after, last: $last, before: $before) {
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
          number
          status
          channel
          createdAt
          total {
            amount
            currencyCode
          }
          member {
            id
            displayName
          }
        }
      }
    }
  }
`);
