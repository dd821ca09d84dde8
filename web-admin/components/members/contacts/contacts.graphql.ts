import { graphql } from '@/gql';
import type { MemberContactsQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

export const MemberContacts = graphql(`
  query MemberContacts($memberId: ID!, $first: Int) {
    member(id: $memberId) {
      id
      mergedInto {
        id
      }
    }
    memberContactLog(memberId: $memberId, first: $first) {
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
          channel
          summary
          followUpOn
          followUpDone
          createdAt
        }
      }
    }
  }
`);

export const ContactLogCreate = graphql(`
  mutation ContactLogCreate($input: ContactLogAddInput!) {
    contactLogAdd(input: $input) {
      entry {
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

export const ContactFollowUpMarkDone = graphql(`
  mutation ContactFollowUpMarkDone($input: ContactFollowUpDoneInput!) {
    contactFollowUpDone(input: $input) {
      entry {
        id
        followUpDone
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { ContactChannel, ContactLogAddInput } from '@/gql/graphql';
export type ContactEntry = NodeOf<MemberContactsQuery['memberContactLog']>;
