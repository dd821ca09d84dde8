import {
  VariantLabelFragment,
  WarehouseLabelFragment,
  type VariantLabel_ProductVariant,
  type WarehouseLabel_Warehouse,
} from '@/components/stock/variant-label.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

import { pageInfoFields } from '../stock.graphql';

export type StockAlertStatus = 'OPEN' | 'RESOLVED';

export interface StockAlertsListNode {
  id: string;
  variant: VariantLabel_ProductVariant | null;
  warehouse: WarehouseLabel_Warehouse | null;
  status: StockAlertStatus;
  available: number;
  reorderPoint: number;
  raisedAt: string;
  resolvedAt: string | null;
}

export const StockAlertsList = operation<
  { lowStock: Connection<StockAlertsListNode> | null; warehouses: WarehouseLabel_Warehouse[] | null },
  PageVariables & { warehouseId: string | null }
>(/* GraphQL */ `
  query StockAlertsList($first: Int, $after: String, $last: Int, $before: String, $warehouseId: ID) {
    lowStock(first: $first, after: $after, last: $last, before: $before, warehouseId: $warehouseId) {
      ${pageInfoFields}
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
  ${VariantLabelFragment}
  ${WarehouseLabelFragment}
`);
