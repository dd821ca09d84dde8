import {
  stockUserErrors,
  VariantLabelFragment,
  WarehouseLabelFragment,
  type VariantLabel_ProductVariant,
  type WarehouseLabel_Warehouse,
} from '@/components/stock/variant-label.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';
import type { StockUserError } from '@/components/stock/stock-feedback';

export const pageInfoFields = /* GraphQL */ `
  totalCount
  pageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;

export interface StockLevelsListNode {
  id: string;
  warehouse: WarehouseLabel_Warehouse;
  variant: VariantLabel_ProductVariant | null;
  onHand: number;
  reserved: number;
  available: number;
  safetyStock: number;
  reorderPoint: number;
  lowStock: boolean;
}

export interface StockLevelFilter {
  warehouseId: string | null;
  query: string | null;
  lowStockOnly: boolean | null;
}

export const StockLevelsList = operation<
  { stockLevels: Connection<StockLevelsListNode> | null; warehouses: WarehouseLabel_Warehouse[] | null },
  PageVariables & { filter: StockLevelFilter }
>(/* GraphQL */ `
  query StockLevelsList($first: Int, $after: String, $last: Int, $before: String, $filter: StockLevelFilter) {
    stockLevels(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      ${pageInfoFields}
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
  ${VariantLabelFragment}
  ${WarehouseLabelFragment}
`);

import type { StockAdjustReason } from '@/lib/stock';

export interface StockAdjustInput {
  variantId: string;
  warehouseId: string;
  quantity: number;
  reason: StockAdjustReason;
  note: string | null;
}

type Payload = { userErrors: StockUserError[] };

export const StockAdjust = operation<{ stockAdjust: Payload }, { input: StockAdjustInput }>(/* GraphQL */ `
  mutation StockAdjust($input: StockAdjustInput!) {
    stockAdjust(input: $input) {
      ${stockUserErrors}
    }
  }
`);

export interface StockLevelUpdateInput {
  variantId: string;
  warehouseId: string;
  safetyStock: number;
  reorderPoint: number;
}

export const StockLevelUpdate = operation<{ stockLevelUpdate: Payload }, { input: StockLevelUpdateInput }>(
  /* GraphQL */ `
    mutation StockLevelUpdate($input: StockLevelUpdateInput!) {
      stockLevelUpdate(input: $input) {
        ${stockUserErrors}
      }
    }
  `,
);

/** Variant picker: variants of the products whose title, handle or SKU matches (catalog, public). */
export const StockVariantSearch = operation<
  { products: { edges: { node: { title: string; variants: Omit<VariantLabel_ProductVariant, 'product'>[] } }[] } },
  { query: string }
>(/* GraphQL */ `
  query StockVariantSearch($query: String!) {
    products(first: 10, filter: { query: $query }) {
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
