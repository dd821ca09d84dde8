import { graphql } from '@/gql';
import type { NodeOf } from '@/lib/connection';
import type { OrderMemberSearchQuery } from '@/gql/graphql';

/** orderCreate: a phone sale waits for payment; a till sale is paid and handed over at once. */
export const OrderCreate = graphql(`
  mutation OrderCreate($input: OrderCreateInput!) {
    orderCreate(input: $input) {
      order {
        id
        number
      }
      userErrors {
        field
        message
        code
        availableQuantity
      }
    }
  }
`);

/** Members whose display name matches, for the member picker of a phone sale (members:read). */
export const OrderMemberSearch = graphql(`
  query OrderMemberSearch($query: String!) {
    members(first: 20, filter: {query: $query}, sortKey: DISPLAY_NAME) {
      edges {
        node {
          id
          displayName
          maskedPhone
        }
      }
    }
  }
`);

export type { OrderCreateInput } from '@/gql/graphql';
export type MemberOption = NodeOf<OrderMemberSearchQuery['members']>;
