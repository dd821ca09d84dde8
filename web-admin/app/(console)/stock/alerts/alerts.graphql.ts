import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { StockAlertsListQuery } from '@/gql/graphql';

export const StockAlertsList = graphql(`
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

export type StockAlertsListNode = NodeOf<StockAlertsListQuery['lowStock']>;
