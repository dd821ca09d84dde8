'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';
import type { UserError } from '@/lib/mutation';

/** Known StockErrorCode values with a translation under `stockErrors`. */
const stockCodes = [
  'INVALID_QUANTITY',
  'UNKNOWN_WAREHOUSE',
  'UNKNOWN_VARIANT',
  'INSUFFICIENT_STOCK',
  'SAME_WAREHOUSE',
  'INVALID_STATE',
  'RECEIVING_MORE_THAN_ORDERED',
  'DUPLICATE_CODE',
  'DUPLICATE_REFERENCE',
  'NOT_FOUND',
  'INVALID_CSV',
  'UNKNOWN_SKU',
  'INVALID',
] as const;
/** Codes whose server message names the specifics (current state, row, column): shown after the translation. */
const detailed: readonly string[] = ['INVALID_STATE', 'INVALID_CSV', 'UNKNOWN_SKU', 'INVALID'];

/** A StockUserError as every stock payload selects it. */
export interface StockUserError extends UserError {
  availableQuantity?: number | null;
}

/** Reports a failed stock action (see useUserErrorFeedback). */
export function useStockFeedback() {
  return useUserErrorFeedback<StockUserError>({
    namespace: 'stockErrors',
    codes: stockCodes,
    detailed,
    values: (error) => ({ available: error.availableQuantity ?? 0 }),
  });
}
