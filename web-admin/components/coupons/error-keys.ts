/** Coupon userError codes the console words itself (messages/<locale>/coupons.json, errors.*). */
const CODES = [
  'COUPON_NOT_FOUND', 'COUPON_ARCHIVED', 'CODE_TAKEN', 'INVALID_CODE', 'INVALID_TITLE', 'INVALID_AMOUNT', 'INVALID_PERCENT',
  'VALUE_NOT_FOR_KIND', 'INVALID_WINDOW', 'INVALID_QUANTITY', 'QUANTITY_BELOW_USED', 'INVALID_SCOPE', 'INVALID_LIST',
  'NOT_CLAIMABLE', 'NOT_STARTED', 'ENDED', 'SOLD_OUT', 'LIMIT_REACHED', 'NOT_ELIGIBLE', 'SIGN_IN_REQUIRED', 'CODE_NOT_FOUND',
  'CODE_USED', 'CHANNEL_NOT_ELIGIBLE', 'CURRENCY_MISMATCH', 'SEGMENT_NOT_FOUND',
] as const;

type Code = (typeof CODES)[number];

/** The message key of a code, or the generic failure for a code this console does not know yet. */
export function errorKey(code: string): `errors.${Code}` | 'errors.FAILED' {
  return (CODES as readonly string[]).includes(code) ? `errors.${code as Code}` : 'errors.FAILED';
}
