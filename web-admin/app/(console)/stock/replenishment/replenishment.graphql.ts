import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { ReplenishmentSuggestionsQuery } from '@/gql/graphql';

export const ReplenishmentSuggestions = graphql(`
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
`);

export type ReplenishmentSuggestionNode = ItemOf<ReplenishmentSuggestionsQuery['replenishmentSuggestions']>;
