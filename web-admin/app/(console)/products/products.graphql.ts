import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { ProductsCollectionLabelQuery, ProductsChoicesQuery as CatalogChoices } from '@/gql/graphql';

export const ProductsList = graphql(`
  query ProductsList($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean, $locale: String) {
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

/** What the filter bar and the editor offer to pick from (collections are searched as typed: there may be many). */
export const ProductsChoices = graphql(`
  query ProductsChoices {
    categories {
      id
      name
      handle
      depth
      position
      parent {
        id
      }
    }
    brands {
      id
      name
    }
  }
`);

/** Collections whose title or handle matches, for the collection pickers. */
export const ProductsCollectionSearch = graphql(`
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
export const ProductsCollectionLabel = graphql(`
  query ProductsCollectionLabel($id: ID!) {
    collection(id: $id) {
      id
      title
    }
  }
`);

export const ProductsBulkArchive = graphql(`
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

export const ProductsTagsAdd = graphql(`
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

export const ProductsTagsRemove = graphql(`
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

export type { ProductFilter, ProductsChoicesQuery as CatalogChoices } from '@/gql/graphql';
export type CatalogCategory = ItemOf<CatalogChoices['categories']>;
export type CollectionChoice = NonNullable<ProductsCollectionLabelQuery['collection']>;
