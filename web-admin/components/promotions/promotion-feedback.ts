'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

/** PromotionErrorCode values with a translation under `promotionErrors` (others show the server's message). */
const promotionCodes = [
  'NOT_FOUND',
  'ARCHIVED',
  'INVALID',
  'INVALID_TITLE',
  'INVALID_TIERS',
  'INVALID_PERCENT',
  'INVALID_AMOUNT',
  'INVALID_QUANTITY',
  'INVALID_SCOPE',
  'INVALID_SCHEDULE',
  'INVALID_CHANNEL',
  'INVALID_SEGMENT',
  'INVALID_PRIORITY',
  'UNSUPPORTED_CURRENCY',
] as const;

/** Reports a failed promotion save or archive: errors on their fields, the rest above the form. */
export function usePromotionFeedback() {
  return useUserErrorFeedback({ namespace: 'promotionErrors', codes: promotionCodes });
}
