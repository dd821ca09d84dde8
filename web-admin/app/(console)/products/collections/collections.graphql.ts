import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { CollectionsListQuery } from '@/gql/graphql';

export const CollectionsList = graphql(`
  query CollectionsList($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    collections(
      first: $first
      after: $after
      last: $last
      before: $before
      query: $query
    ) {
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
          title
          handle
          descriptionHtml
          createdAt
          products(first: 1) {
            totalCount
          }
        }
      }
    }
  }
`);

export const CollectionCreate = graphql(`
  mutation CollectionCreate($input: CollectionCreateInput!) {
    collectionCreate(input: $input) {
      collection {
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

export const CollectionUpdate = graphql(`
  mutation CollectionUpdate($input: CollectionUpdateInput!) {
    collectionUpdate(input: $input) {
      collection {
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

export const CollectionDelete = graphql(`
  mutation CollectionDelete($input: CollectionDeleteInput!) {
    collectionDelete(input: $input) {
      deletedCollectionId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { CollectionCreateInput as CollectionFields } from '@/gql/graphql';
export type CollectionsListNode = NodeOf<CollectionsListQuery['collections']>;
