import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { StockTransfersListQuery } from '@/gql/graphql';

export const StockTransfersList = graphql(`
  query StockTransfersList($first: Int, $after: String, $last: Int, $before: String) {
    stockTransfers(first: $first, after: $after, last: $last, before: $before) {
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
          from {
            ...WarehouseLabel_Warehouse
          }
          to {
            ...WarehouseLabel_Warehouse
          }
          status
          lines {
            variant {
              ...VariantLabel_ProductVariant
            }
            quantity
          }
          createdAt
        }
      }
    }
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
`);

export const StockTransferCreate = graphql(`
  mutation StockTransferCreate($input: StockTransferCreateInput!) {
    stockTransferCreate(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const StockTransferShip = graphql(`
  mutation StockTransferShip($input: StockTransferShipInput!) {
    stockTransferShip(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const StockTransferReceive = graphql(`
  mutation StockTransferReceive($input: StockTransferReceiveInput!) {
    stockTransferReceive(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export type { StockTransferCreateInput, StockTransferStatus } from '@/gql/graphql';
export type StockTransfersListNode = NodeOf<StockTransfersListQuery['stockTransfers']>;
