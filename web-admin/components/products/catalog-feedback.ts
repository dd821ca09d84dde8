'use client';

import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';
import type { UserError } from '@/lib/mutation';

/** CatalogErrorCode values with a translation under `catalogErrors`. */
const catalogCodes = [
  'UNKNOWN_PRODUCT', 'UNKNOWN_VARIANT', 'UNKNOWN_CATEGORY', 'UNKNOWN_COLLECTION', 'UNKNOWN_REVIEW', 'UNKNOWN_MEDIA',
  'INVALID_TITLE', 'INVALID_HANDLE', 'HANDLE_TAKEN', 'INVALID_SKU', 'DUPLICATE_SKU', 'INVALID_BARCODE',
  'INVALID_PRICE', 'NEGATIVE_PRICE', 'INVALID_WEIGHT', 'TOO_MANY_OPTIONS', 'TOO_MANY_VARIANTS', 'INVALID_OPTION',
  'VARIANT_OPTIONS_MISMATCH', 'DUPLICATE_VARIANT', 'INVALID_TAG', 'DESCRIPTION_TOO_LONG', 'SEO_TOO_LONG',
  'INVALID_LOCALE', 'CATEGORY_TOO_DEEP', 'CATEGORY_CYCLE', 'CATEGORY_HAS_CHILDREN', 'TOO_MANY_ITEMS',
  'NOT_PURCHASED', 'ALREADY_REVIEWED', 'INVALID_RATING', 'INVALID_REVIEW', 'INVALID_STATUS',
] as const;

/** Reports a failed catalog action (see useUserErrorFeedback). */
export function useCatalogFeedback() {
  return useUserErrorFeedback<UserError>({ namespace: 'catalogErrors', codes: catalogCodes });
}
