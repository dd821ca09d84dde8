// Every userError code of coupons with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of CouponErrorCode in schema/coupons.graphql and their messages (the console renders its own from code and field). */
const MESSAGES = {
  COUPON_NOT_FOUND: () => 'No coupon has this id.',
  COUPON_ARCHIVED: () => 'This coupon is archived and can no longer change or be handed out.',
  CODE_TAKEN: () => 'Another coupon or a generated code already uses this code.',
  INVALID_CODE: (p: Params) => `A code is ${p.min} to ${p.max} letters, digits or dashes.`,
  INVALID_TITLE: (p: Params) => `A title is 1 to ${p.max} characters.`,
  INVALID_AMOUNT: () => 'Enter an amount above zero in the coupon currency, at most 12 whole digits.',
  INVALID_PERCENT: () => 'Enter a whole percentage from 1 to 100.',
  VALUE_NOT_FOR_KIND: (p: Params) => `A ${p.kind} coupon does not take this value.`,
  INVALID_WINDOW: () => 'The end must come after the start.',
  INVALID_QUANTITY: (p: Params) => `Enter a whole number from 1 to ${p.max}.`,
  QUANTITY_BELOW_USED: (p: Params) => `The quantity cannot go below the ${p.used} already handed out or redeemed.`,
  INVALID_SCOPE: (p: Params) => `Name 1 to ${p.max} ${String(p.kind).toLowerCase()} for this scope, or choose every product.`,
  INVALID_LIST: (p: Params) => `Give at most ${p.max} values, each once.`,
  NOT_CLAIMABLE: () => 'This coupon cannot be claimed in the store.',
  NOT_STARTED: () => 'This coupon has not started yet.',
  ENDED: () => 'This coupon has ended.',
  SOLD_OUT: () => 'No more of this coupon are left.',
  LIMIT_REACHED: (p: Params) => `The limit of ${p.limit} per member is reached.`,
  NOT_ELIGIBLE: () => 'This coupon is not for this member.',
  SIGN_IN_REQUIRED: () => 'Sign in to use this coupon.',
  CODE_NOT_FOUND: () => 'No coupon has this code.',
  CODE_USED: () => 'This code was already used.',
  CHANNEL_NOT_ELIGIBLE: () => 'This coupon does not apply on this channel.',
  CURRENCY_MISMATCH: () => 'This coupon is in another currency than the cart.',
  SEGMENT_NOT_FOUND: () => 'No active segment has this id.',
} satisfies Record<string, (params: Params) => string>;

export type CouponErrorCode = keyof typeof MESSAGES;
export type CouponError = UserError<CouponErrorCode>;
export type CouponResult<T> = Result<T, CouponErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function couponError(code: CouponErrorCode, field: string[] | null, params: Params = {}): CouponError {
  return userError(code, MESSAGES[code](params), field);
}

/** A failure with one coded error. */
export function couponFail(code: CouponErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: CouponError[] } {
  return { ok: false, errors: [couponError(code, field, params)] };
}
