import { graphql } from '@/gql';

export const ApiKeysList = graphql(`
  query ApiKeysList($first: Int, $after: String, $last: Int, $before: String) {
    apiKeys(first: $first, after: $after, last: $last, before: $before) {
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
          prefix
          scopes
          expiresAt
          lastUsedAt
          revokedAt
          createdAt
        }
      }
    }
    scopes {
      id
      title
      description
      dependsOn
    }
  }
`);

export const ApiKeyCreate = graphql(`
  mutation ApiKeyCreate($input: ApiKeyCreateInput!) {
    apiKeyCreate(input: $input) {
      apiKey {
        id
        prefix
      }
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const ApiKeyRevoke = graphql(`
  mutation ApiKeyRevoke($input: ApiKeyRevokeInput!) {
    apiKeyRevoke(input: $input) {
      apiKey {
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

export type { ApiKeyCreateInput } from '@/gql/graphql';
