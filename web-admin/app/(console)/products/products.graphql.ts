import type { Connection, PageVariables } from '@/lib/connection';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';

export type ProductStatus = 'DRAFT' | 'ACTIVE' | 'ARCHIVED';

export interface ProductsListNode {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  createdAt: string;
  /** `costPrice` needs catalog:read_cost: null (with a FORBIDDEN error at its path) otherwise. */
  variants: { id: string; sku: string; title: string; price: Money; costPrice: Money | null }[];
}

export const ProductsList = operation<
  { products: Connection<ProductsListNode> },
  PageVariables & { query: string | null }
>(/* GraphQL */ `
  query ProductsList($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    products(first: $first, after: $after, last: $last, before: $before, filter: { query: $query }) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          handle
          status
          createdAt
          variants {
            id
            sku
            title
            price {
              amount
              currencyCode
            }
            costPrice {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
`);
