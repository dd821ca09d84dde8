import type { ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';
import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export interface ApiKeysListNode {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export const ApiKeysList = operation<
  { apiKeys: Connection<ApiKeysListNode> | null; scopes: ScopeOption[] | null },
  PageVariables
>(/* GraphQL */ `
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

export interface ApiKeyCreateInput {
  name: string;
  scopes: string[];
  expiresAt: string | null;
}

export const ApiKeyCreate = operation<
  { apiKeyCreate: { apiKey: { id: string; prefix: string } | null; secret: string | null; userErrors: UserError[] } },
  { input: ApiKeyCreateInput }
>(/* GraphQL */ `
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

export const ApiKeyRevoke = operation<
  { apiKeyRevoke: { apiKey: { id: string } | null; userErrors: UserError[] } },
  { input: { id: string } }
>(/* GraphQL */ `
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
