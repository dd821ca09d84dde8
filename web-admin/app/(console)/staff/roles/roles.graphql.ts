import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { RolesListQuery } from '@/gql/graphql';

export const RolesList = graphql(`
  query RolesList {
    roles {
      id
      name
      title
      builtIn
      scopes
    }
    scopes {
      id
      title
      description
      dependsOn
    }
  }
`);

export const RoleCreate = graphql(`
  mutation RoleCreate($input: RoleCreateInput!) {
    roleCreate(input: $input) {
      role {
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

export const RoleUpdate = graphql(`
  mutation RoleUpdate($input: RoleUpdateInput!) {
    roleUpdate(input: $input) {
      role {
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

export type { RoleCreateInput } from '@/gql/graphql';
export type RolesListNode = ItemOf<RolesListQuery['roles']>;
export type ScopeOption = ItemOf<RolesListQuery['scopes']>;
