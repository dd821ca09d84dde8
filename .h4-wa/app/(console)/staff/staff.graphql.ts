import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export interface StaffListNode {
  id: string;
  email: string | null;
  displayName: string;
  disabled: boolean;
  lastLoginAt: string | null;
  roles: { name: string; title: string }[];
}

export interface StaffRoleOption {
  name: string;
  title: string;
}

export const StaffList = operation<
  { staff: Connection<StaffListNode> | null; roles: StaffRoleOption[] | null },
  PageVariables & { query: string | null }
>(/* GraphQL */ `
  query StaffList($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    staff(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: { query: $query, includeDisabled: true }
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
          email
          displayName
          disabled
          lastLoginAt
          roles {
            name
            title
          }
        }
      }
    }
    roles {
      name
      title
    }
  }
`);

export interface StaffCreateInput {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  locale?: string | null;
}

export const StaffCreate = operation<
  { staffCreate: { staff: { id: string } | null; userErrors: UserError[] } },
  { input: StaffCreateInput }
>(/* GraphQL */ `
  mutation StaffCreate($input: StaffCreateInput!) {
    staffCreate(input: $input) {
      staff {
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

export const StaffUpdate = operation<
  { staffUpdate: { staff: { id: string } | null; userErrors: UserError[] } },
  { input: { id: string; roles: string[] } }
>(/* GraphQL */ `
  mutation StaffUpdate($input: StaffUpdateInput!) {
    staffUpdate(input: $input) {
      staff {
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

export const StaffDisable = operation<
  { staffDisable: { staff: { id: string } | null; userErrors: UserError[] } },
  { input: { id: string } }
>(/* GraphQL */ `
  mutation StaffDisable($input: StaffDisableInput!) {
    staffDisable(input: $input) {
      staff {
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
