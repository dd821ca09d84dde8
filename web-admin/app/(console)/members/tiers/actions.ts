'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { TierRulesUpdate, type TierRuleRow } from './tiers.graphql';

/** tierRulesUpdate with every tier's rule as the form holds it. */
export async function saveTierRules(rules: TierRuleRow[]): Promise<ActionResult<null>> {
  return runMutation(TierRulesUpdate, { input: { rules } }, (d) => d.tierRulesUpdate, () => null);
}
