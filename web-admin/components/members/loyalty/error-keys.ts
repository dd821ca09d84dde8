/** Loyalty userError codes the console words itself (messages/<locale>/loyalty.json, errors.*). */
const CODES = [
  'INSUFFICIENT_POINTS', 'INSUFFICIENT_CREDIT', 'INVALID_POINTS', 'INVALID_AMOUNT', 'UNSUPPORTED_CURRENCY',
  'REASON_REQUIRED', 'MEMBER_NOT_FOUND', 'INVALID', 'THRESHOLDS_NOT_ASCENDING',
] as const;

type Code = (typeof CODES)[number];

/** The message key of a code, or the generic failure for a code this console does not know yet. */
export function errorKey(code: string): `errors.${Code}` | 'errors.FAILED' {
  return (CODES as readonly string[]).includes(code) ? `errors.${code as Code}` : 'errors.FAILED';
}
