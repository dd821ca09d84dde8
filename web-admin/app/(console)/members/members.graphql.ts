import type { Connection, PageVariables } from '@/lib/connection';
import { operation } from '@/lib/graphql';

export type MemberTier = 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

export interface MembersListNode {
  id: string;
  displayName: string;
  tier: MemberTier;
  points: number;
  createdAt: string;
  /** Needs members:read_pii: null (with a FORBIDDEN error at its path) otherwise. */
  email: string | null;
  phone: string | null;
  /** Masked forms that members:read is enough for. */
  maskedEmail: string | null;
  maskedPhone: string | null;
}

/** The list's filter as the API takes it (MemberFilter). */
export interface MembersFilter {
  query?: string;
  tier?: MemberTier[];
  tag?: string;
  consent?: ConsentChannel;
  disabled?: boolean;
}

export type ConsentChannel = 'EMAIL' | 'SMS' | 'LINE' | 'WECHAT';

export const MembersList = operation<{ members: Connection<MembersListNode> }, PageVariables & { filter: MembersFilter }>(/* GraphQL */ `
  query MembersList($first: Int, $after: String, $last: Int, $before: String, $filter: MemberFilter) {
    members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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

export interface Member360 {
  id: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  maskedEmail: string | null;
  phone: string | null;
  maskedPhone: string | null;
  birthday: string | null;
  locale: string | null;
  tier: MemberTier | null;
  points: number | null;
  tags: string[] | null;
  disabled: boolean | null;
  lastSeenAt: string | null;
  notes: string | null;
  consents: { channel: ConsentChannel; granted: boolean; updatedAt: string }[] | null;
  consentHistory: { createdAt: string; channel: ConsentChannel; granted: boolean; source: string }[] | null;
  addresses: { id: string; name: string | null; line1: string | null; city: string | null; country: string; isDefault: boolean }[] | null;
  orders: Connection<{ id: string; number: string; status: string; createdAt: string }> | null;
}

export interface ContactLogNode {
  id: string;
  channel: string;
  summary: string | null;
  followUpOn: string | null;
  followUpDone: boolean;
  createdAt: string;
}

export const MemberDetail = operation<{ member: Member360 | null; memberContactLog: Connection<ContactLogNode> | null }, { id: string }>(/* GraphQL */ `
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
      tags
      disabled
      lastSeenAt
      notes
      consents {
        channel
        granted
        updatedAt
      }
      consentHistory {
        createdAt
        channel
        granted
        source
      }
      addresses {
        id
        name
        line1
        city
        country
        isDefault
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
    memberContactLog(memberId: $id, first: 50) {
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
