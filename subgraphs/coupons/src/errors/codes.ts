// Every userError of coupons, by area (coupon, content, flash sale, promotion): the code and the message built
// from the code and its parameters, never from the input's values; English when made, the caller's language
// when answered (the kit's answeringInCallersLanguage at the subgraph boundary).
import { errorMakers, type Catalogue, type Result, type UserError } from '@shop/kit';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { th } from './messages/th.js';
import { zhCN } from './messages/zh-CN.js';
import { zhTW } from './messages/zh-TW.js';

/** Coupons' messages in the shop's five languages (the kit checks that each locale has every code). */
export const COUPONS_CATALOGUE: Catalogue<typeof en> = { en, th, 'zh-CN': zhCN, 'zh-TW': zhTW, ar };

type Areas = typeof en;

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

export const { error: couponError, fail: couponFail } = errorMakers(COUPONS_CATALOGUE, 'coupon');
export const { error: contentError, fail: contentFail } = errorMakers(COUPONS_CATALOGUE, 'content');
export const { error: flashSaleError, fail: flashSaleFail } = errorMakers(COUPONS_CATALOGUE, 'flashSale');
export const { error: promotionError, fail: promotionFail } = errorMakers(COUPONS_CATALOGUE, 'promotion');
export const { error: groupBuyError, fail: groupBuyFail } = errorMakers(COUPONS_CATALOGUE, 'groupBuy');
export const { fail: pricingFail } = errorMakers(COUPONS_CATALOGUE, 'pricing');

export function isContentErrorCode(code: string): code is ContentErrorCode {
  return Object.hasOwn(en.content, code);
}
