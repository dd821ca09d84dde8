'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';
import type { UserError } from '@/lib/mutation';

/** Codes of ReturnRequestErrorCode with a translation under `afterSalesErrors`. */
const codes = [
  'NOT_FOUND',
  'ORDER_NOT_FOUND',
  'ORDER_NOT_SHIPPED',
  'LINE_NOT_FOUND',
  'DUPLICATE_LINE',
  'NO_LINES',
  'INVALID_QUANTITY',
  'INVALID_NOTE',
  'NOTE_REQUIRED',
  'INVALID_STATE',
  'WAREHOUSE_NOT_FOUND',
  'INVALID_AMOUNT',
  'EXCEEDS_REQUEST',
  'EXCEEDS_CAPTURED',
  'PROVIDER_REFUSED',
  'NOT_EXCHANGE',
  'SHIPMENT_REFUSED',
  'TOO_MANY_PHOTOS',
  'DUPLICATE_PHOTO',
  'PHOTO_NOT_FOUND',
] as const;
/** Codes whose server message names the specifics (how much is left, the state, why shipping refused): shown after the translation. */
const detailed: readonly string[] = ['INVALID_STATE', 'EXCEEDS_REQUEST', 'EXCEEDS_CAPTURED', 'SHIPMENT_REFUSED'];

/** Reports a failed after-sales action (see useUserErrorFeedback). */
export function useAfterSalesFeedback() {
  return useUserErrorFeedback<UserError>({ namespace: 'afterSalesErrors', codes, detailed });
}
