import { graphql } from '@/gql';

/** One page of the list and the status tab counts under the same filter (its status list aside). */
export const OrdersList = graphql(`
  query OrdersList($first: Int, $after: String, $last: Int, $before: String, $filter: OrderFilter, $sortKey: OrderSortKey, $reverse: Boolean) {
    orders(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
      sortKey: $sortKey
      reverse: $reverse
    ) {
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

export type { OrderFilter } from '@/gql/graphql';
