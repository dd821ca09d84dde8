import type { StockUserError } from '@/components/stock/stock-feedback';
import { stockUserErrors, VariantLabelFragment, type VariantLabel_ProductVariant } from '@/components/stock/variant-label.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';

import { pageInfoFields } from '../stock.graphql';

export interface SuppliersListNode {
  id: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  leadTimeDays: number;
  currencyCode: string;
  products: { variant: VariantLabel_ProductVariant | null; cost: Money | null }[];
}

export const SuppliersList = operation<{ suppliers: Connection<SuppliersListNode> | null }, PageVariables>(/* GraphQL */ `
  query SuppliersList($first: Int, $after: String, $last: Int, $before: String) {
    suppliers(first: $first, after: $after, last: $last, before: $before) {
      ${pageInfoFields}
      edges {
        node {
          id
          name
          contactName
          email
          phone
          leadTimeDays
          currencyCode
          products {
            variant {
              ...VariantLabel_ProductVariant
            }
            cost {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
  ${VariantLabelFragment}
`);

export interface SupplierFields {
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  leadTimeDays: number;
  currencyCode: string;
}

type Payload = { userErrors: StockUserError[] };

export const SupplierCreate = operation<
  { supplierCreate: Payload & { supplier: { id: string } | null } },
  { input: SupplierFields }
>(/* GraphQL */ `
  mutation SupplierCreate($input: SupplierCreateInput!) {
    supplierCreate(input: $input) {
      supplier {
        id
      }
      ${stockUserErrors}
    }
  }
`);

export const SupplierUpdate = operation<{ supplierUpdate: Payload }, { input: SupplierFields & { id: string } }>(
  /* GraphQL */ `
    mutation SupplierUpdate($input: SupplierUpdateInput!) {
      supplierUpdate(input: $input) {
        ${stockUserErrors}
      }
    }
  `,
);

export interface SupplierProductSetInput {
  supplierId: string;
  variantId: string;
  cost: string;
}

export const SupplierProductSet = operation<{ supplierProductSet: Payload }, { input: SupplierProductSetInput }>(
  /* GraphQL */ `
    mutation SupplierProductSet($input: SupplierProductSetInput!) {
      supplierProductSet(input: $input) {
        ${stockUserErrors}
      }
    }
  `,
);
