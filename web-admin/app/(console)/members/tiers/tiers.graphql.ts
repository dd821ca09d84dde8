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

export const LoyaltySettingsView = graphql(`
  query LoyaltySettingsView {
    loyaltySettings {
      currencyCode
      earnPoints
      earnPer {
        amount
      }
      pointValue {
        amount
      }
      pointsExpireDays
      birthdayPoints
      winBackDays
    }
  }
`);

export const LoyaltySettingsUpdate = graphql(`
  mutation LoyaltySettingsUpdate($input: LoyaltySettingsUpdateInput!) {
    loyaltySettingsUpdate(input: $input) {
      settings {
        earnPoints
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type { LoyaltySettingsUpdateInput } from '@/gql/graphql';
