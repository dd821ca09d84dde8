'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { MemberPointsAdjust, type MemberPointsAdjustInput } from './loyalty.graphql';

/** memberPointsAdjust: a signed correction with a reason (sensitive: step-up). Answers the balance after it. */
export async function adjustPoints(input: MemberPointsAdjustInput): Promise<ActionResult<number | null>> {
  return runMutation(MemberPointsAdjust, { input }, (d) => d.memberPointsAdjust, (p) => p.balance);
}
