import { graphql } from '@/gql';

export const StocktakeWarehouses = graphql(/* GraphQL */ `
  query StocktakeWarehouses {
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
`);

export const StocktakePreview = graphql(/* GraphQL */ `
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

export const StocktakeApply = graphql(/* GraphQL */ `
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
