import type {
  OrderChannel,
  OrderPaymentState,
  OrderSortKey,
  OrderStatus,
} from '@/components/orders/order-enums';
import type { Connection, PageVariables } from '@/lib/connection';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';

/** OrderFilter as the console sends it. */
export interface OrderFilter {
  status: OrderStatus[] | null;
  channel: OrderChannel[] | null;
  createdFrom: string | null;
  createdTo: string | null;
  totalMin: string | null;
  totalMax: string | null;
  paymentState: OrderPaymentState[] | null;
  tag: string | null;
  flagged: boolean | null;
  search: string | null;
}

export interface OrdersListNode {
  id: string;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  createdAt: string;
  total: Money;
  paymentState: OrderPaymentState;
  onHold: boolean | null;
  tags: string[];
  member: { id: string; displayName: string } | null;
  shippingAddress: { name: string | null; phone: string | null } | null;
}

export interface OrdersListVariables extends PageVariables {
  filter: OrderFilter;
  sortKey: OrderSortKey;
  reverse: boolean;
}

/** One page of the list and the status tab counts under the same filter (its status list aside). */
export const OrdersList = operation<
  {
    orders: Connection<OrdersListNode> | null;
    orderCounts: { status: OrderStatus; count: number }[] | null;
  },
  OrdersListVariables
>(/* GraphQL */ `
  query OrdersList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: OrderFilter
    $sortKey: OrderSortKey
    $reverse: Boolean
  ) {
    orders(first: $first, after: $after, last: $last, before: $before, filter: $filter, sortKey: $sortKey, reverse: $reverse) {
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
          paymentState
          onHold
          tags
          member {
            id
            displayName
          }
          shippingAddress {
            name
            phone
          }
        }
      }
    }
    orderCounts(filter: $filter) {
      status
      count
    }
  }
`);
