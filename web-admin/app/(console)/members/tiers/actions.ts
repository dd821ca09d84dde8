'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { LoyaltySettingsUpdate, TierRulesUpdate, type LoyaltySettingsUpdateInput, type TierRuleRow } from './tiers.graphql';

/** tierRulesUpdate with every tier's rule as the form holds it. */
export async function saveTierRules(rules: TierRuleRow[]): Promise<ActionResult<null>> {
  return runMutation(TierRulesUpdate, { input: { rules } }, (d) => d.tierRulesUpdate, () => null);
}

/** loyaltySettingsUpdate with the programme's settings as the form holds them. */
export async function saveLoyaltySettings(input: LoyaltySettingsUpdateInput): Promise<ActionResult<null>> {
  return runMutation(LoyaltySettingsUpdate, { input }, (d) => d.loyaltySettingsUpdate, () => null);
}
