/** Segment userError codes the console words itself (messages/<locale>/segments.json, errors.*). */
const CODES = [
  'SEGMENT_NOT_FOUND', 'SEGMENT_ARCHIVED', 'NAME_TAKEN', 'INVALID_NAME', 'INVALID_TEXT', 'NO_RULES',
  'TOO_MANY_RULES', 'INVALID_RULE', 'UNSUPPORTED_CURRENCY',
] as const;

type Code = (typeof CODES)[number];

/** The message key of a code, or the generic failure for a code this console does not know yet. */
export function errorKey(code: string): `errors.${Code}` | 'errors.FAILED' {
  return (CODES as readonly string[]).includes(code) ? `errors.${code as Code}` : 'errors.FAILED';
}
