'use server';

import type { ReviewStatus } from '@/components/products/catalog-enums';
import { runMutation, type ActionResult } from '@/lib/mutation';

import { ReviewModerate, ReviewReply } from './reviews.graphql';

/** reviewModerate: APPROVED, REJECTED or back to PENDING. */
export async function moderateReview(id: string, status: ReviewStatus): Promise<ActionResult<null>> {
  return runMutation(ReviewModerate, { input: { id, status } }, (d) => d.reviewModerate, () => null);
}

/** reviewReply: the shop's public answer; empty removes it. */
export async function replyToReview(id: string, body: string): Promise<ActionResult<null>> {
  return runMutation(ReviewReply, { input: { id, body } }, (d) => d.reviewReply, () => null);
}
