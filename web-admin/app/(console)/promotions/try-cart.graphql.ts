import { graphql } from '@/gql';
import type { PromotionTryCartQuery } from '@/gql/graphql';

/** The engine's explanation of a trial cart (the same pricing as carts and checkout). */
export const PromotionTryCart = graphql(`
  query PromotionTryCart($input: PriceExplainInput!) {
    priceExplain(input: $input) {
      subtotal {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
      }
      shipping {
        amount
        currencyCode
      }
      shippingDiscount {
        amount
        currencyCode
      }
      paid {
        amount
        currencyCode
      }
      total {
        amount
        currencyCode
      }
      applied {
        ruleId
        source
        stage
        title
        amount {
          amount
          currencyCode
        }
      }
      rejected {
        ruleId
        source
        title
        reason {
          code
          message
        }
      }
    }
  }
`);

export type CartExplanation = NonNullable<PromotionTryCartQuery['priceExplain']>;
export type { PriceExplainInput, ShippingMethodCode } from '@/gql/graphql';
