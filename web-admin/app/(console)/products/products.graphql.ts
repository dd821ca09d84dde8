import type { ProductSortKey, ProductStatus, StockStatus } from '@/components/products/catalog-enums';
import type { Connection, PageVariables } from '@/lib/connection';
import type { Money } from '@/lib/format';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

/** ProductFilter of the API, as the list and the export send it. */
export interface ProductFilter {
  query?: string | null;
  status?: ProductStatus[] | null;
  categoryId?: string | null;
  collectionId?: string | null;
  tag?: string | null;
  brandId?: string | null;
  minPrice?: string | null;
  maxPrice?: string | null;
  stockStatus?: StockStatus | null;
  createdAfter?: string | null;
  createdBefore?: string | null;
}

/** A category as pickers and the tree select it (depth first, parents before children). */
export interface CatalogCategory {
  id: string;
  name: string;
  handle: string;
  depth: number;
  position: number;
  parent: { id: string } | null;
}

export const categoryFields = /* GraphQL */ `
  id
  name
  handle
  depth
  position
  parent {
    id
  }
`;

export const pageInfoFields = /* GraphQL */ `
  totalCount
  pageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;

export interface ProductsListNode {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  createdAt: string;
  inStock: boolean;
  tags: string[];
  brand: { name: string } | null;
  priceRange: { min: Money; max: Money } | null;
  /** `costPrice` needs catalog:read_cost: null (with a FORBIDDEN error at its path) otherwise. */
  variants: { id: string; sku: string; costPrice: Money | null }[];
}

export const ProductsList = operation<
  { products: Connection<ProductsListNode> },
  PageVariables & { filter: ProductFilter; sortKey: ProductSortKey | null; reverse: boolean | null; locale: string }
>(/* GraphQL */ `
  query ProductsList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ProductFilter
    $sortKey: ProductSortKey
    $reverse: Boolean
    $locale: String
  ) {
    products(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
      sortKey: $sortKey
      reverse: $reverse
      locale: $locale
    ) {
      ${pageInfoFields}
      edges {
        cursor
        node {
          id
          title
          handle
          status
          createdAt
          inStock
          tags
          brand {
            id
            name
          }
          priceRange {
            min {
              amount
              currencyCode
            }
            max {
              amount
              currencyCode
            }
          }
          variants {
            id
            sku
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

export interface CatalogChoices {
  categories: CatalogCategory[];
  brands: { id: string; name: string }[];
}

/** What the filter bar and the editor offer to pick from (collections are searched as typed: there may be many). */
export const ProductsChoices = operation<CatalogChoices>(/* GraphQL */ `
  query ProductsChoices {
    categories {
      ${categoryFields}
    }
    brands {
      id
      name
    }
  }
`);

export interface CollectionChoice {
  id: string;
  title: string;
}

/** Collections whose title or handle matches, for the collection pickers. */
export const ProductsCollectionSearch = operation<
  { collections: { edges: { node: CollectionChoice }[] } },
  { query: string | null }
>(/* GraphQL */ `
  query ProductsCollectionSearch($query: String) {
    collections(first: 20, query: $query) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/** The collection the list is filtered by, for the picker's label. */
export const ProductsCollectionLabel = operation<{ collection: CollectionChoice | null }, { id: string }>(/* GraphQL */ `
  query ProductsCollectionLabel($id: ID!) {
    collection(id: $id) {
      id
      title
    }
  }
`);

type ProductsPayload = { products: { id: string }[]; userErrors: UserError[] };

export const ProductsBulkArchive = operation<
  { productsBulkArchive: ProductsPayload },
  { input: { ids: string[] } }
>(/* GraphQL */ `
  mutation ProductsBulkArchive($input: ProductsBulkArchiveInput!) {
    productsBulkArchive(input: $input) {
      products {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ProductsTagsAdd = operation<
  { productTagsAdd: ProductsPayload },
  { input: { productIds: string[]; tags: string[] } }
>(/* GraphQL */ `
  mutation ProductsTagsAdd($input: ProductTagsAddInput!) {
    productTagsAdd(input: $input) {
      products {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ProductsTagsRemove = operation<
  { productTagsRemove: ProductsPayload },
  { input: { productIds: string[]; tags: string[] } }
>(/* GraphQL */ `
  mutation ProductsTagsRemove($input: ProductTagsRemoveInput!) {
    productTagsRemove(input: $input) {
      products {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
