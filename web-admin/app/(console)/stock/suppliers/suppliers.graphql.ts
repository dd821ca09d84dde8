import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { SuppliersListQuery } from '@/gql/graphql';

export const SuppliersList = graphql(`
  query SuppliersList($first: Int, $after: String, $last: Int, $before: String) {
    suppliers(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
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
`);

export const SupplierCreate = graphql(`
  mutation SupplierCreate($input: SupplierCreateInput!) {
    supplierCreate(input: $input) {
      supplier {
        id
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

export const SupplierUpdate = graphql(`
  mutation SupplierUpdate($input: SupplierUpdateInput!) {
    supplierUpdate(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export const SupplierProductSet = graphql(`
  mutation SupplierProductSet($input: SupplierProductSetInput!) {
    supplierProductSet(input: $input) {
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

export type { SupplierCreateInput as SupplierFields, SupplierProductSetInput } from '@/gql/graphql';
export type SuppliersListNode = NodeOf<SuppliersListQuery['suppliers']>;
