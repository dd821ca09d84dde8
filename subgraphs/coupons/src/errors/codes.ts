// Every userError of coupons, by area (coupon, content, flash sale, promotion): the code and the message built
// from the code and its parameters, never from the input's values.
import { userError, type Result, type UserError } from '@shop/kit';
import { en, type Params } from './messages/en.js';

type Areas = typeof en;
export type ErrorArea = keyof Areas;

export type CouponErrorCode = keyof Areas['coupon'];
export type ContentErrorCode = keyof Areas['content'];
export type FlashSaleErrorCode = keyof Areas['flashSale'];
export type PromotionErrorCode = keyof Areas['promotion'];

export type CouponError = UserError<CouponErrorCode>;
export type ContentError = UserError<ContentErrorCode>;
export type FlashSaleError = UserError<FlashSaleErrorCode>;
export type PromotionError = UserError<PromotionErrorCode>;
export type CouponResult<T> = Result<T, CouponErrorCode>;
export type ContentResult<T> = Result<T, ContentErrorCode>;
export type FlashSaleResult<T> = Result<T, FlashSaleErrorCode>;
export type PromotionResult<T> = Result<T, PromotionErrorCode>;

/** The error and failure makers of one area. */
function errorsOf<A extends ErrorArea>(area: A) {
  type Code = keyof Areas[A] & string;
  const error = (code: Code, field: string[] | null, params: Params = {}): UserError<Code> => {
    const render = en[area][code] as (params: Params) => string;
    return userError(code, render(params), field);
  };
  const fail = (code: Code, field: string[] | null, params: Params = {}): { ok: false; errors: UserError<Code>[] } => ({
    ok: false,
    errors: [error(code, field, params)],
  });
  return { error, fail };
}

export const { error: couponError, fail: couponFail } = errorsOf('coupon');
export const { error: contentError, fail: contentFail } = errorsOf('content');
export const { error: flashSaleError, fail: flashSaleFail } = errorsOf('flashSale');
export const { error: promotionError, fail: promotionFail } = errorsOf('promotion');

export function isContentErrorCode(code: string): code is ContentErrorCode {
  return Object.hasOwn(en.content, code);
}
