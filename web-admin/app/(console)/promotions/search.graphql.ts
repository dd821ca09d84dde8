import { graphql } from '@/gql';

/** Variants to put in the trial cart: products found by title or SKU, titles in the console's language. */
export const PromotionCartVariantSearch = graphql(`
  query PromotionCartVariantSearch($query: String!, $locale: String) {
    products(first: 10, filter: {query: $query}, locale: $locale) {
      edges {
        node {
          id
          title
          variants {
            id
            sku
            title
            price {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
`);

/** Members to price the trial cart for (their tier and segments decide eligibility). */
export const PromotionCartMemberSearch = graphql(`
  query PromotionCartMemberSearch($query: String!) {
    members(first: 20, filter: {query: $query}, sortKey: DISPLAY_NAME) {
      edges {
        node {
          id
          displayName
          tier
        }
      }
    }
  }
`);


/** Products for a promotion's scope, found by title or SKU. */
export const PromotionScopeProductSearch = graphql(`
  query PromotionScopeProductSearch($query: String!, $locale: String) {
    products(first: 20, filter: {query: $query}, locale: $locale) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/** The title of a product already in a promotion's scope. */
export const PromotionScopeProduct = graphql(`
  query PromotionScopeProduct($id: ID!, $locale: String) {
    product(id: $id, locale: $locale) {
      id
      title
    }
  }
`);

/** The title of a collection already in a promotion's scope. */
export const PromotionScopeCollection = graphql(`
  query PromotionScopeCollection($id: ID!) {
    collection(id: $id) {
      id
      title
    }
  }
`);

export type { MemberTier, OrderChannel } from '@/gql/graphql';
