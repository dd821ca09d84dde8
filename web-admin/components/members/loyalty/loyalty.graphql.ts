import { graphql } from '@/gql';
import type { MemberLoyaltyQuery } from '@/gql/graphql';
import type { NodeOf } from '@/lib/connection';

export const MemberLoyalty = graphql(`
  query MemberLoyalty($id: ID!) {
    member(id: $id) {
      id
      points
      storeCredit {
        amount
        currencyCode
      }
      pointsLedger(first: 20) {
        totalCount
        edges {
          node {
            id
            delta
            reason
            sourceId
            note
            createdAt
            expiresAt
          }
        }
      }
    }
  }
`);

export const MemberPointsAdjust = graphql(`
  mutation MemberPointsAdjust($input: MemberPointsAdjustInput!) {
    memberPointsAdjust(input: $input) {
      balance
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { MemberPointsAdjustInput } from '@/gql/graphql';
export type PointsEntryNode = NodeOf<NonNullable<MemberLoyaltyQuery['member']>['pointsLedger']>;
