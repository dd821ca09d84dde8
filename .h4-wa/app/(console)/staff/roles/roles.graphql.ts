import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export interface RolesListNode {
  id: string;
  name: string;
  title: string;
  builtIn: boolean;
  scopes: string[];
}

export interface ScopeOption {
  id: string;
  title: string;
  description: string;
  dependsOn: string[];
}

export const RolesList = operation<{ roles: RolesListNode[] | null; scopes: ScopeOption[] | null }>(/* GraphQL */ `
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

export interface RoleCreateInput {
  name: string;
  title: string;
  scopes: string[];
}

export const RoleCreate = operation<
  { roleCreate: { role: { id: string } | null; userErrors: UserError[] } },
  { input: RoleCreateInput }
>(/* GraphQL */ `
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

export const RoleUpdate = operation<
  { roleUpdate: { role: { id: string } | null; userErrors: UserError[] } },
  { input: { id: string; title: string; scopes: string[] } }
>(/* GraphQL */ `
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
