// Every userError of coupons, by area (coupon, content, flash sale, promotion): the code and the message built
// from the code and its parameters, never from the input's values; English when made, the caller's language
// when answered (inCallersLanguage).
import { userError, type Result, type UserError } from '@shop/kit';
import { pricingLocale, type PricingLocale } from '../pricing/reasons.js';
import { ar } from './messages/ar.js';
import { en, type Messages, type Params } from './messages/en.js';
import { th } from './messages/th.js';
import { zhCN } from './messages/zh-CN.js';
import { zhTW } from './messages/zh-TW.js';

const MESSAGES: Record<PricingLocale, Messages> = { en, th, 'zh-CN': zhCN, 'zh-TW': zhTW, ar };

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

/** What each error was made from, so its message can be built again in another language. */
const origins = new WeakMap<object, { area: ErrorArea; params: Params }>();

const render = (locale: PricingLocale, area: ErrorArea, code: string, params: Params) =>
  (MESSAGES[locale][area] as Record<string, (p: Params) => string>)[code]!(params);

/** The error and failure makers of one area. */
function errorsOf<A extends ErrorArea>(area: A) {
  type Code = keyof Areas[A] & string;
  const error = (code: Code, field: string[] | null, params: Params = {}): UserError<Code> => {
    const made = userError(code, render('en', area, code, params), field);
    origins.set(made, { area, params });
    return made;
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

/**
 * A mutation payload with its userErrors' messages in the caller's language (Accept-Language; English
 * when none of the shop's five fits). Errors not made here (none today) keep their message.
 */
export function inCallersLanguage<P>(payload: P, acceptLanguage: string | null | undefined): P {
  const errors = (payload as { userErrors?: UserError<string>[] } | null)?.userErrors;
  const locale = pricingLocale(acceptLanguage);
  if (!errors?.length || locale === 'en') return payload;
  const userErrors = errors.map((e) => {
    const origin = origins.get(e);
    return origin ? { ...e, message: render(locale, origin.area, e.code, origin.params) } : e;
  });
  return { ...payload, userErrors };
}
