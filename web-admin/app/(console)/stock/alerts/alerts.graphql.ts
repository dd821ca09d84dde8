import { graphql } from '@/gql';

export const StockAlertsList = graphql(/* GraphQL */ `
  query StockAlertsList($first: Int, $after: String, $last: Int, $before: String, $warehouseId: ID) {
    lowStock(
      first: $first
      after: $after
      last: $last
      before: $before
      warehouseId: $warehouseId
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
          variant {
            ...VariantLabel_ProductVariant
          }
          warehouse {
            ...WarehouseLabel_Warehouse
          }
          status
          available
          reorderPoint
          raisedAt
          resolvedAt
        }
      }
    }
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
`);
