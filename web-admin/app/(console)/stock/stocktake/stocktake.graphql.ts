import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { StocktakePreviewMutation } from '@/gql/graphql';

export const StocktakeWarehouses = graphql(`
  query StocktakeWarehouses {
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
`);

export const StocktakePreview = graphql(`
  mutation StocktakePreview($input: StocktakePreviewInput!) {
    stocktakePreview(input: $input) {
      lines {
        sku
        variant {
          ...VariantLabel_ProductVariant
        }
        counted
        onHand
        difference
      }
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const StocktakeApply = graphql(`
  mutation StocktakeApply($input: StocktakeApplyInput!) {
    stocktakeApply(input: $input) {
      applied
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export type { StocktakePreviewInput as StocktakeInput } from '@/gql/graphql';
export type StocktakeLine = ItemOf<NonNullable<StocktakePreviewMutation['stocktakePreview']>['lines']>;
