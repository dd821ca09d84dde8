'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

/** PromotionErrorCode values, each with a translation under `promotionErrors`. */
const promotionCodes = [
  'PROMOTION_NOT_FOUND',
  'PROMOTION_ARCHIVED',
  'INVALID_TITLE',
  'INVALID_SCHEDULE',
  'INVALID_SCOPE',
  'INVALID_AMOUNT',
  'INVALID_PERCENT',
  'INVALID_QUANTITY',
  'INVALID_TIERS',
  'INVALID_PRIORITY',
  'KIND_MISMATCH',
  'INVALID_SEGMENTS',
  'UNSUPPORTED_CURRENCY',
] as const;

/** Reports a failed promotion save or archive: errors on their fields, the rest above the form. */
export function usePromotionFeedback() {
  return useUserErrorFeedback({ namespace: 'promotionErrors', codes: promotionCodes });
}
