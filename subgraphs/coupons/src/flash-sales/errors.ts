// Every userError code of flash sales with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of FlashSaleErrorCode in schema/coupons.graphql and their messages. */
const MESSAGES = {
  FLASH_SALE_NOT_FOUND: () => 'No flash sale has this id.',
  FLASH_SALE_ARCHIVED: () => 'This flash sale is archived and can no longer change.',
  ITEM_NOT_FOUND: () => 'No item of this flash sale has this id.',
  INVALID_TITLE: (p: Params) => `Give an English title and at most one title per locale (en, th, zh-CN, zh-TW, ar), each 1 to ${p.max} characters.`,
  INVALID_WINDOW: () => 'The end must be after the start.',
  INVALID_CHANNEL: () => 'Use the channels ONLINE_STORE, MINI_PROGRAM, MOBILE_APP, POINT_OF_SALE or MARKETPLACE.',
  INVALID_TIMEOUT: (p: Params) => `The payment timeout is a whole number of minutes from 1 to ${p.max}.`,
  VARIANT_NOT_FOUND: () => 'No variant has this id.',
  INVALID_PRICE: () => 'The flash price must be an amount of zero or more, below the variant’s price, in the variant’s currency.',
  INVALID_QUOTA: (p: Params) => `The quota is a whole number of units from ${p.min} to ${p.max}.`,
  INVALID_LIMIT: (p: Params) => `The per-member limit is a whole number from 1 to ${p.max}, or empty for no limit.`,
  VARIANT_IN_OVERLAPPING_SALE: () => 'This variant is already in another flash sale whose time overlaps this one.',
  SOLD_OUT: () => 'The flash-sale quota of this item is sold out.',
  LIMIT_REACHED: (p: Params) => `You can buy at most ${p.limit} of this item at the flash price.`,
  PRICE_CHANGED: () => 'The flash price changed while you checked out; review your cart and try again.',
} satisfies Record<string, (params: Params) => string>;

export type FlashSaleErrorCode = keyof typeof MESSAGES;
export type FlashSaleError = UserError<FlashSaleErrorCode>;
export type FlashSaleResult<T> = Result<T, FlashSaleErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function flashSaleError(code: FlashSaleErrorCode, field: string[] | null, params: Params = {}): FlashSaleError {
  return userError(code, MESSAGES[code](params), field);
}

/** A failure with one coded error. */
export function flashSaleFail(code: FlashSaleErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: FlashSaleError[] } {
  return { ok: false, errors: [flashSaleError(code, field, params)] };
}
