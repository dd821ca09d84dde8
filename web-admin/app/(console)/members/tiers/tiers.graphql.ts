import { operation } from '@/lib/graphql';
import type { UserError } from '@/lib/mutation';

export type TierBasis = 'SPEND' | 'POINTS';

export interface TierRuleRow {
  tier: 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';
  basis: TierBasis;
  threshold: string;
  windowDays: number;
  multiplierBp: number;
  benefits: string;
}

export const TierRulesList = operation<{ tierRules: (TierRuleRow | null)[] | null }>(/* GraphQL */ `
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

export const TierRulesUpdate = operation<
  { tierRulesUpdate: { rules: (TierRuleRow | null)[] | null; userErrors: UserError[] } },
  { input: { rules: TierRuleRow[] } }
>(/* GraphQL */ `
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
