import { WarehouseLabelFragment, type WarehouseLabel_Warehouse } from '@/components/stock/variant-label.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

import { pageInfoFields } from '../stock.graphql';

import type { StockMovementKind } from '@/lib/stock';

export interface StockMovementsListNode {
  id: string;
  kind: StockMovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reasonCode: string | null;
  reference: string | null;
  actorId: string | null;
  warehouse: WarehouseLabel_Warehouse | null;
  createdAt: string;
}

/** The ledger of one variant (optionally in one warehouse), newest first. */
export const StockMovementsList = operation<
  {
    stockMovements: Connection<StockMovementsListNode> | null;
    warehouses: WarehouseLabel_Warehouse[] | null;
  },
  PageVariables & { variantId: string; warehouseId: string | null }
>(/* GraphQL */ `
  query StockMovementsList(
    $variantId: ID!
    $warehouseId: ID
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    stockMovements(
      variantId: $variantId
      warehouseId: $warehouseId
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      ${pageInfoFields}
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
  ${WarehouseLabelFragment}
`);
