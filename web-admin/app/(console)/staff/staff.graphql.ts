import { graphql } from '@/gql';
import type { ItemOf } from '@/lib/connection';
import type { StaffListQuery } from '@/gql/graphql';

export const StaffList = graphql(`
  query StaffList($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    staff(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: {query: $query, includeDisabled: true}
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

export const StaffCreate = graphql(`
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

export const StaffUpdate = graphql(`
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

export const StaffDisable = graphql(`
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

export type { StaffCreateInput } from '@/gql/graphql';
export type StaffRoleOption = ItemOf<StaffListQuery['roles']>;
