import {
  VariantLabelFragment,
  WarehouseLabelFragment,
  type VariantLabel_ProductVariant,
  type WarehouseLabel_Warehouse,
} from '@/components/stock/variant-label.graphql';
import { operation } from '@/lib/graphql';

export interface ReplenishmentSuggestionNode {
  variant: VariantLabel_ProductVariant | null;
  warehouse: WarehouseLabel_Warehouse | null;
  available: number;
  onOrder: number;
  velocityPerDay: string;
  leadTimeDays: number;
  safetyStock: number;
  suggestedQuantity: number;
  reason: string;
  supplier: { id: string; name: string } | null;
}

export const ReplenishmentSuggestions = operation<
  { replenishmentSuggestions: ReplenishmentSuggestionNode[] | null; warehouses: WarehouseLabel_Warehouse[] | null },
  { warehouseId: string | null; first: number }
>(/* GraphQL */ `
  query ReplenishmentSuggestions($warehouseId: ID, $first: Int) {
    replenishmentSuggestions(warehouseId: $warehouseId, first: $first) {
      variant {
        ...VariantLabel_ProductVariant
      }
      warehouse {
        ...WarehouseLabel_Warehouse
      }
      available
      onOrder
      velocityPerDay
      leadTimeDays
      safetyStock
      suggestedQuantity
      reason
      supplier {
        id
        name
      }
    }
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
  ${VariantLabelFragment}
  ${WarehouseLabelFragment}
`);
