// Every userError code of segments with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** What a rule parameter must be, by the `requirement` an INVALID_RULE error names. */
const REQUIREMENTS: Record<string, string> = {
  days: 'a whole number of days from 1 to 3660',
  amount: 'an amount of zero or more in the currency, at most 12 whole digits',
  count: 'a whole number of orders from 0 to 1,000,000',
  countRange: 'a whole number of orders no smaller than the minimum',
  oneOrMore: 'at least one value',
  tag: 'a tag of 1 to 40 characters',
  countryCodes: '1 to 50 two-letter country codes such as TH',
  month: 'a month from 1 to 12',
  consentChannel: 'a consent channel',
};

/** The codes of SegmentErrorCode in schema/members.graphql and their messages. */
const MESSAGES = {
  SEGMENT_NOT_FOUND: () => 'No segment has this id.',
  SEGMENT_ARCHIVED: () => 'This segment is archived and can no longer change.',
  NAME_TAKEN: () => 'Another active segment has this name.',
  INVALID_NAME: (p: Params) => `The name must be 1 to ${p.max} characters.`,
  INVALID_TEXT: (p: Params) => `Use at most ${p.max} characters.`,
  NO_RULES: () => 'Add at least one rule to every group.',
  TOO_MANY_RULES: (p: Params) => `Use at most ${p.groups} groups of at most ${p.rules} rules each.`,
  INVALID_RULE: (p: Params) => `This rule needs ${REQUIREMENTS[p.requirement!] ?? 'valid values'}.`,
  UNSUPPORTED_CURRENCY: () => 'This currency is not supported.',
} satisfies Record<string, (params: Params) => string>;

export type SegmentErrorCode = keyof typeof MESSAGES;
export type SegmentError = UserError<SegmentErrorCode>;
export type SegmentResult<T> = Result<T, SegmentErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function segmentError(code: SegmentErrorCode, field: string[] | null, params: Params = {}): SegmentError {
  return userError(code, MESSAGES[code](params), field);
}

/** A failure with one coded error. */
export function segmentFail(code: SegmentErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: SegmentError[] } {
  return { ok: false, errors: [segmentError(code, field, params)] };
}
