import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { StockMovementsListQuery } from '@/gql/graphql';

/** The ledger of one variant (optionally in one warehouse), newest first. */
export const StockMovementsList = graphql(`
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

export type StockMovementsListNode = NodeOf<StockMovementsListQuery['stockMovements']>;
