import { graphql } from '@/gql';

/** The ledger of one variant (optionally in one warehouse), newest first. */
export const StockMovementsList = graphql(/* GraphQL */ `
  query StockMovementsList($variantId: ID!, $warehouseId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    stockMovements(
      variantId: $variantId
      warehouseId: $warehouseId
      first: $first
      after: $after
      last: $last
      before: $before
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
          kind
          onHandDelta
          reservedDelta
          reasonCode
          reference
          actorId
          warehouse {
            ...WarehouseLabel_Warehouse
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
