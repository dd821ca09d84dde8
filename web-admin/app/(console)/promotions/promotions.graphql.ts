import { graphql } from '@/gql';
import type { PromotionDetailQuery } from '@/gql/graphql';

export const PromotionsList = graphql(`
  query PromotionsList($first: Int, $after: String, $last: Int, $before: String, $filter: PromotionFilter, $locale: String) {
    promotions(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          title(locale: $locale)
          kind
          status
          priority
          combinable
          startsAt
          endsAt
        }
      }
    }
  }
`);

export const PromotionDetail = graphql(`
  query PromotionDetail($id: ID!, $locale: String) {
    promotion(id: $id) {
      id
      title(locale: $locale)
      titles {
        locale
        text
      }
      kind
      status
      priority
      combinable
      startsAt
      endsAt
      channels
      memberTiers
      segmentIds
      scope {
        kind
        ids
      }
      currencyCode
      spendTiers {
        threshold {
          amount
          currencyCode
        }
        amountOff {
          amount
          currencyCode
        }
      }
      percentOff
      amountOff {
        amount
        currencyCode
      }
      maxDiscount {
        amount
        currencyCode
      }
      minimumSpend {
        amount
        currencyCode
      }
      buyQuantity
      getQuantity
      nth
    }
  }
`);

/** What the editor's pickers offer: the category tree and the member segments. */
export const PromotionEditorChoices = graphql(`
  query PromotionEditorChoices {
    categories {
      id
      name
      handle
      depth
      position
      parent {
        id
      }
    }
    segments(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const PromotionCreate = graphql(`
  mutation PromotionCreate($input: PromotionCreateInput!) {
    promotionCreate(input: $input) {
      promotion {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PromotionUpdate = graphql(`
  mutation PromotionUpdate($input: PromotionUpdateInput!) {
    promotionUpdate(input: $input) {
      promotion {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const PromotionArchive = graphql(`
  mutation PromotionArchive($input: PromotionArchiveInput!) {
    promotionArchive(input: $input) {
      promotion {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type PromotionDetailNode = NonNullable<PromotionDetailQuery['promotion']>;
export type {
  CurrencyCode,
  MemberTier,
  OrderChannel,
  PromotionCreateInput,
  PromotionEditorChoicesQuery,
  PromotionKind,
  PromotionScopeKind,
  PromotionStatus,
  PromotionUpdateInput,
} from '@/gql/graphql';
