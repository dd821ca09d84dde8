import { graphql } from '@/gql';

export const TierRulesList = graphql(`
  query TierRulesList {
    tierRules {
      tier
      basis
      threshold
      windowDays
      multiplierBp
      benefits
    }
  }
`);

export const TierRulesUpdate = graphql(`
  mutation TierRulesUpdate($input: TierRulesUpdateInput!) {
    tierRulesUpdate(input: $input) {
      rules {
        tier
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { TierBasis, TierRuleInput as TierRuleRow } from '@/gql/graphql';
