'use server';

import type { Money } from '@/lib/format';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { MemberStoreCreditAdjust, type MemberStoreCreditAdjustInput } from './credit.graphql';

/** memberStoreCreditAdjust: a signed correction with a reason (sensitive: step-up). Answers the balance after it. */
export async function adjustStoreCredit(input: MemberStoreCreditAdjustInput): Promise<ActionResult<Money | null>> {
  return runMutation(MemberStoreCreditAdjust, { input }, (d) => d.memberStoreCreditAdjust, (p) => p.balance ?? null);
}
