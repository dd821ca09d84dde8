import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

import { pageInfoFields } from '../products.graphql';

export interface CollectionsListNode {
  id: string;
  title: string;
  handle: string;
  descriptionHtml: string;
  createdAt: string;
  products: { totalCount: number };
}

export const CollectionsList = operation<
  { collections: Connection<CollectionsListNode> },
  PageVariables & { query: string | null }
>(/* GraphQL */ `
  query CollectionsList($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    collections(first: $first, after: $after, last: $last, before: $before, query: $query) {
      ${pageInfoFields}
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

export interface CollectionFields {
  title: string;
  handle?: string;
  descriptionHtml: string;
}

type CollectionPayload = { collection: { id: string } | null; userErrors: UserError[] };

export const CollectionCreate = operation<{ collectionCreate: CollectionPayload }, { input: CollectionFields }>(/* GraphQL */ `
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

export const CollectionUpdate = operation<
  { collectionUpdate: CollectionPayload },
  { input: CollectionFields & { id: string } }
>(/* GraphQL */ `
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

export const CollectionDelete = operation<
  { collectionDelete: { deletedCollectionId: string | null; userErrors: UserError[] } },
  { input: { id: string } }
>(/* GraphQL */ `
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
