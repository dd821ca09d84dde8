import { graphql } from '@/gql';

/** Fragment VariantLabel_ProductVariant: what components/stock/variant-label.tsx shows. */
export const VariantLabelFragment = graphql(`
  fragment VariantLabel_ProductVariant on ProductVariant {
    id
    sku
    title
    product {
      title
    }
  }
`);

/** Fragment WarehouseLabel_Warehouse: a warehouse as the stock pages name it. */
export const WarehouseLabelFragment = graphql(`
  fragment WarehouseLabel_Warehouse on Warehouse {
    id
    code
    name
  }
`);

export type {
  VariantLabel_ProductVariantFragment as VariantLabel_ProductVariant,
  WarehouseLabel_WarehouseFragment as WarehouseLabel_Warehouse,
} from '@/gql/graphql';
