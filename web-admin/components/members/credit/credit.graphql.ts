import { graphql } from '@/gql';

export const MemberStoreCreditAdjust = graphql(`
  mutation MemberStoreCreditAdjust($input: MemberStoreCreditAdjustInput!) {
    memberStoreCreditAdjust(input: $input) {
      balance {
        amount
        currencyCode
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { CurrencyCode, MemberStoreCreditAdjustInput } from '@/gql/graphql';

export const MemberStoreCreditBalance = graphql(`
  query MemberStoreCreditBalance($id: ID!) {
    member(id: $id) {
      id
      storeCredit {
        amount
        currencyCode
      }
    }
  }
`);
