// Every userError code of promotions with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of PromotionErrorCode in schema/coupons.graphql and their messages. */
const MESSAGES = {
  PROMOTION_NOT_FOUND: () => 'No promotion has this id.',
  PROMOTION_ARCHIVED: () => 'This promotion is archived and can no longer change.',
  INVALID_TITLE: (p: Params) => `Give an English title and at most one per language (en, th, zh-CN, zh-TW, ar), each 1 to ${p.max} characters.`,
  INVALID_SCHEDULE: () => 'The end must be after the start.',
  INVALID_SCOPE: (p: Params) => `Give 1 to ${p.max} ids for this scope, or none for ALL.`,
  INVALID_AMOUNT: () => 'Enter an amount above zero in the currency (at most 12 whole digits).',
  INVALID_PERCENT: () => 'Enter a percentage from 1 to 10000 basis points (100%).',
  INVALID_QUANTITY: (p: Params) => `Enter a whole number from ${p.min} to ${p.max}.`,
  INVALID_TIERS: (p: Params) => `Give 1 to ${p.max} spend tiers with different thresholds.`,
  INVALID_PRIORITY: (p: Params) => `Enter a priority from 0 to ${p.max}.`,
  KIND_MISMATCH: (p: Params) => (p.needed === 'true' ? `A ${p.kind} promotion needs this value.` : `A ${p.kind} promotion does not use this value.`),
  INVALID_SEGMENTS: (p: Params) => `Give at most ${p.max} segment ids.`,
  UNSUPPORTED_CURRENCY: () => 'This currency is not supported.',
} satisfies Record<string, (params: Params) => string>;

export type PromotionErrorCode = keyof typeof MESSAGES;
export type PromotionError = UserError<PromotionErrorCode>;
export type PromotionResult<T> = Result<T, PromotionErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function promotionError(code: PromotionErrorCode, field: string[] | null, params: Params = {}): PromotionError {
  return userError(code, MESSAGES[code](params), field);
}

export function promotionFail(code: PromotionErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: PromotionError[] } {
  return { ok: false, errors: [promotionError(code, field, params)] };
}
