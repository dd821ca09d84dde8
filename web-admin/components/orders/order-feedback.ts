'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';
import type { UserError } from '@/lib/mutation';

/** Codes of OrderErrorCode, PaymentErrorCode and OrderFlagErrorCode with a translation under `orderErrors`. */
const orderCodes = [
  'NOT_FOUND',
  'INVALID',
  'INVALID_QUANTITY',
  'NOT_SELLABLE',
  'SOLD_OUT',
  'INSUFFICIENT_STOCK',
  'INVALID_CHANNEL',
  'INVALID_TRANSITION',
  'ORDER_ON_HOLD',
  'INSUFFICIENT_POINTS',
  'POINTS_EXCEED_ORDER',
  'INVALID_AMOUNT',
  'INVALID_METHOD',
  'CURRENCY_MISMATCH',
  'INVALID_STATE',
  'NOTHING_DUE',
  'EXCEEDS_CAPTURED',
  'PROVIDER_REFUSED',
  'NOT_ON_HOLD',
  'OVER_SHIPPED',
  'UNKNOWN_CARRIER',
  'UNKNOWN_WAREHOUSE',
  'NOT_MERGEABLE',
] as const;
/** Codes whose server message names the specifics (the current state, the variant): shown after the translation. */
const detailed: readonly string[] = ['INVALID', 'INVALID_TRANSITION', 'INVALID_STATE', 'ORDER_ON_HOLD', 'INSUFFICIENT_POINTS', 'SOLD_OUT', 'NOT_SELLABLE', 'PROVIDER_REFUSED', 'OVER_SHIPPED', 'NOT_MERGEABLE'];

export interface OrderUserError extends UserError {
  availableQuantity?: number | null;
}

/** Reports a failed orders action (see useUserErrorFeedback). */
export function useOrderFeedback() {
  return useUserErrorFeedback<OrderUserError>({
    namespace: 'orderErrors',
    codes: orderCodes,
    detailed,
    values: (error) => ({ available: error.availableQuantity ?? 0 }),
  });
}
