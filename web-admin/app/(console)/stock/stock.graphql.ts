import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { StockLevelsListQuery } from '@/gql/graphql';

export const StockLevelsList = graphql(`
  query StockLevelsList($first: Int, $after: String, $last: Int, $before: String, $filter: StockLevelFilter) {
    stockLevels(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
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
          warehouse {
            ...WarehouseLabel_Warehouse
          }
          variant {
            ...VariantLabel_ProductVariant
          }
          onHand
          reserved
          available
          safetyStock
          reorderPoint
          lowStock
        }
      }
    }
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
`);

export const StockAdjust = graphql(`
  mutation StockAdjust($input: StockAdjustInput!) {
    stockAdjust(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const StockLevelUpdate = graphql(`
  mutation StockLevelUpdate($input: StockLevelUpdateInput!) {
    stockLevelUpdate(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

/** Variant picker: variants of the products whose title, handle or SKU matches (catalog, public). */
export const StockVariantSearch = graphql(`
  query StockVariantSearch($query: String!) {
    products(first: 10, filter: {query: $query}) {
      edges {
        node {
          title
          variants {
            id
            sku
            title
          }
        }
      }
    }
  }
`);

export type { StockAdjustInput, StockLevelUpdateInput } from '@/gql/graphql';
export type StockLevelsListNode = NodeOf<StockLevelsListQuery['stockLevels']>;
