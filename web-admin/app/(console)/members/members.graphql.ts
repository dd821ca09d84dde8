import { graphql } from '@/gql';
import type { MemberDetailQuery, MembersListQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

export const MembersList = graphql(`
  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {
    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      totalCountPrecision
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          displayName
          tier
          points
          createdAt
          email
          maskedEmail
          phone
          maskedPhone
        }
      }
    }
  }
`);

export const MemberDetail = graphql(`
  query MemberDetail($id: ID!) {
    member(id: $id) {
      id
      displayName
      givenName
      familyName
      email
      maskedEmail
      phone
      maskedPhone
      birthday
      locale
      tier
      points
      disabled
      lastSeenAt
      notes
      segments {
        id
        name
      }
      consentHistory {
        createdAt
        channel
        granted
        source
      }
      orders(first: 20) {
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
            number
            status
            createdAt
          }
        }
      }
    }
  }
`);

export type { ConsentChannel, MemberFilter as MembersFilter, MemberTier } from '@/gql/graphql';
export type MembersListNode = NodeOf<MembersListQuery['members']>;
export type Member360 = NonNullable<MemberDetailQuery['member']>;
