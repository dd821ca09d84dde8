import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export interface PointsEntryNode {
  id: string;
  delta: number;
  reason: string;
  sourceId: string | null;
  /** Needs orders:read_internal on a staff session: null (with FORBIDDEN) otherwise. */
  note: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface MemberLoyaltyData {
  member: {
    id: string;
    points: number | null;
    storeCredit: { amount: string; currencyCode: string } | null;
    pointsLedger: { totalCount: number; edges: { node: PointsEntryNode }[] } | null;
  } | null;
}

export const MemberLoyalty = operation<MemberLoyaltyData, { id: string }>(/* GraphQL */ `
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

export interface MemberPointsAdjustInput {
  memberId: string;
  delta: number;
  reason: string;
}

export const MemberPointsAdjust = operation<
  { memberPointsAdjust: { balance: number | null; userErrors: UserError[] } },
  { input: MemberPointsAdjustInput }
>(/* GraphQL */ `
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
