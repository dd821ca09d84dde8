import type { StockUserError } from '@/components/stock/stock-feedback';
import {
  stockUserErrors,
  VariantLabelFragment,
  WarehouseLabelFragment,
  type VariantLabel_ProductVariant,
  type WarehouseLabel_Warehouse,
} from '@/components/stock/variant-label.graphql';
import { operation } from '@/lib/graphql';

export const StocktakeWarehouses = operation<{ warehouses: WarehouseLabel_Warehouse[] | null }>(/* GraphQL */ `
  query StocktakeWarehouses {
    warehouses {
      ...WarehouseLabel_Warehouse
    }
  }
  ${WarehouseLabelFragment}
`);

export interface StocktakeInput {
  warehouseId: string;
  csv: string;
}

export interface StocktakeLine {
  sku: string;
  variant: VariantLabel_ProductVariant | null;
  counted: number;
  onHand: number;
  difference: number;
}

export const StocktakePreview = operation<
  { stocktakePreview: { lines: StocktakeLine[] | null; userErrors: StockUserError[] } },
  { input: StocktakeInput }
>(/* GraphQL */ `
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
      ${stockUserErrors}
    }
  }
  ${VariantLabelFragment}
`);

export const StocktakeApply = operation<
  { stocktakeApply: { applied: number | null; userErrors: StockUserError[] } },
  { input: StocktakeInput }
>(/* GraphQL */ `
  mutation StocktakeApply($input: StocktakeApplyInput!) {
    stocktakeApply(input: $input) {
      applied
      ${stockUserErrors}
    }
  }
`);
