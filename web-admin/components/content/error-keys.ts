/** Content userError codes the console words itself (messages/<locale>/content.json, errors.*). */
const CODES = [
  'BANNER_NOT_FOUND', 'ANNOUNCEMENT_NOT_FOUND', 'ARTICLE_NOT_FOUND', 'ARCHIVED', 'ENGLISH_REQUIRED', 'INVALID_LOCALE',
  'DUPLICATE_LOCALE', 'INVALID_TEXT', 'INVALID_URL', 'IMAGE_REQUIRED', 'INVALID_SCHEDULE', 'DUPLICATE_CHANNEL',
  'INVALID_SLUG', 'SLUG_TAKEN', 'DUPLICATE_ID', 'INVALID_INPUT',
] as const;

type Code = (typeof CODES)[number];

/** The message key of a code, or the generic failure for a code this console does not know yet. */
export function errorKey(code: string): `errors.${Code}` | 'errors.FAILED' {
  return (CODES as readonly string[]).includes(code) ? `errors.${code as Code}` : 'errors.FAILED';
}
