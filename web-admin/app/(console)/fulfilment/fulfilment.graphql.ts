import { graphql } from '@/gql';
import type { FulfilmentQueueQuery, DeliveryExceptionsListQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

/** What the ship dialog chooses from: carriers and warehouses. */
export const ShipChoices = graphql(`
  query ShipChoices {
    carriers {
      code
      name
      books
      active
    }
    warehouses {
      id
      code
      name
      active
    }
  }
`);

/** Orders waiting to ship, with what is left of each line, and the merge suggestions. */
export const FulfilmentQueue = graphql(`
  query FulfilmentQueue($first: Int, $after: String, $last: Int, $before: String, $filter: FulfilmentQueueFilter) {
    fulfilmentQueue(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          createdAt
          shippingMethod
          unshippedLines {
            orderLineId
            sku
            title
            ordered
            remaining
          }
        }
      }
    }
    shipmentMergeSuggestions(first: 10) {
      orders {
        id
        number
        createdAt
      }
    }
  }
`);

export type FulfilmentQueueNode = NodeOf<FulfilmentQueueQuery['fulfilmentQueue']>;
export type MergeSuggestionNode = NonNullable<FulfilmentQueueQuery['shipmentMergeSuggestions']>[number];

export const ShipmentCreate = graphql(`
  mutation ShipmentCreate($input: ShipmentCreateInput!) {
    shipmentCreate(input: $input) {
      shipment {
        id
        number
        trackingNumber
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const OrdersShipTogether = graphql(`
  mutation OrdersShipTogether($input: OrdersShipTogetherInput!) {
    ordersShipTogether(input: $input) {
      parcel {
        id
        trackingNumber
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ShipmentTrackingEventAdd = graphql(`
  mutation ShipmentTrackingEventAdd($input: ShipmentTrackingEventAddInput!) {
    shipmentTrackingEventAdd(input: $input) {
      shipment {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const DeliveryExceptionsList = graphql(`
  query DeliveryExceptionsList($first: Int, $after: String, $last: Int, $before: String, $status: DeliveryExceptionStatus) {
    deliveryExceptions(first: $first, after: $after, last: $last, before: $before, status: $status) {
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
          kind
          status
          resolution
          note
          createdAt
          resolvedAt
          shipment {
            id
            number
            trackingNumber
            carrier {
              name
            }
            order {
              id
              number
            }
          }
          reshipment {
            number
          }
        }
      }
    }
  }
`);

export type DeliveryExceptionNode = NodeOf<DeliveryExceptionsListQuery['deliveryExceptions']>;

export const DeliveryExceptionResolve = graphql(`
  mutation DeliveryExceptionResolve($input: DeliveryExceptionResolveInput!) {
    deliveryExceptionResolve(input: $input) {
      deliveryException {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
