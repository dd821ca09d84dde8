/** Fragment VariantLabel_ProductVariant: what components/stock/variant-label.tsx shows. */
export const VariantLabelFragment = /* GraphQL */ `
  fragment VariantLabel_ProductVariant on ProductVariant {
    id
    sku
    title
    product {
      title
    }
  }
`;

export interface VariantLabel_ProductVariant {
  id: string;
  sku: string;
  title: string;
  product: { title: string } | null;
}

/** Fragment WarehouseLabel_Warehouse: a warehouse as the stock pages name it. */
export const WarehouseLabelFragment = /* GraphQL */ `
  fragment WarehouseLabel_Warehouse on Warehouse {
    id
    code
    name
  }
`;

export interface WarehouseLabel_Warehouse {
  id: string;
  code: string;
  name: string;
}

/** Every stock mutation's errors. */
export const stockUserErrors = /* GraphQL */ `
  userErrors {
    field
    message
    code
    availableQuantity
  }
`;
