// Every userError code of content with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of ContentErrorCode in schema/coupons.graphql and their messages. */
const MESSAGES = {
  BANNER_NOT_FOUND: () => 'No banner has this id.',
  ANNOUNCEMENT_NOT_FOUND: () => 'No announcement has this id.',
  ARTICLE_NOT_FOUND: () => 'No article has this id.',
  ARCHIVED: () => 'This is archived and can no longer change.',
  ENGLISH_REQUIRED: () => 'Give an English text: it is shown wherever a language has none.',
  INVALID_LOCALE: () => 'The language must be one of en, th, zh-CN, zh-TW or ar.',
  DUPLICATE_LOCALE: () => 'This language is given twice.',
  INVALID_TEXT: (p: Params) => (p.required ? `Write 1 to ${p.max} characters.` : `Use at most ${p.max} characters.`),
  INVALID_URL: () => 'Give an https:// or http:// address, or a path on the storefront starting with /.',
  IMAGE_REQUIRED: () => 'A banner needs an image.',
  INVALID_SCHEDULE: () => 'The end must come after the start.',
  DUPLICATE_CHANNEL: () => 'This channel is given twice.',
  INVALID_SLUG: (p: Params) => `A slug is 1 to ${p.max} lower-case letters, digits and hyphens, e.g. summer-sale-2026.`,
  SLUG_TAKEN: () => 'Another article has this slug.',
  DUPLICATE_ID: () => 'This id is given twice.',
  INVALID_INPUT: () => 'This value is not valid.',
} satisfies Record<string, (params: Params) => string>;

export type ContentErrorCode = keyof typeof MESSAGES;
export type ContentError = UserError<ContentErrorCode>;
export type ContentResult<T> = Result<T, ContentErrorCode>;

export function isContentErrorCode(code: string): code is ContentErrorCode {
  return Object.hasOwn(MESSAGES, code);
}

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function contentError(code: ContentErrorCode, field: string[] | null, params: Params = {}): ContentError {
  return userError(code, MESSAGES[code](params), field);
}

/** A failure with one coded error. */
export function contentFail(code: ContentErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: ContentError[] } {
  return { ok: false, errors: [contentError(code, field, params)] };
}
