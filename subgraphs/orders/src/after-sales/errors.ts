// Every userError code of after-sales with the message it carries, built from the code and its parameters.
import { userError, type Result, type UserError } from '@shop/kit';

type Params = Record<string, string | number>;

/** The codes of ReturnRequestErrorCode in schema/orders.graphql and their messages (the console translates by code). */
const MESSAGES = {
  NOT_FOUND: () => 'No return request has this id.',
  ORDER_NOT_FOUND: () => 'No order has this id.',
  ORDER_NOT_SHIPPED: () => 'Only lines that were shipped can be returned.',
  LINE_NOT_FOUND: () => 'This line is not on the order (or not on the request).',
  DUPLICATE_LINE: () => 'Name each line once.',
  NO_LINES: () => 'Name at least one line.',
  INVALID_QUANTITY: (p: Params) => `The quantity is a whole number from 1 to ${p.max}: what shipped and is not already on another request.`,
  INVALID_NOTE: (p: Params) => `A note has at most ${p.max} characters.`,
  NOTE_REQUIRED: (p: Params) => `Give a note of 1 to ${p.max} characters.`,
  INVALID_STATE: (p: Params) => `The request is ${p.status}; this step is not possible now.`,
  WAREHOUSE_NOT_FOUND: () => 'No warehouse has this id.',
  INVALID_AMOUNT: () => 'The amount must be above zero with at most the decimals of the order’s currency.',
  EXCEEDS_REQUEST: (p: Params) => `At most ${p.left} can be refunded for this request.`,
  EXCEEDS_CAPTURED: (p: Params) => `Only ${p.left} of this order’s payments can be refunded.`,
  PROVIDER_REFUSED: () => 'The payment provider refused the refund.',
  NOT_EXCHANGE: () => 'Only an exchange request ships a replacement.',
  SHIPMENT_REFUSED: (p: Params) => `The replacement could not be shipped: ${p.reason}`,
  TOO_MANY_PHOTOS: (p: Params) => `A request carries at most ${p.max} photos.`,
  DUPLICATE_PHOTO: () => 'Name each photo once.',
  PHOTO_NOT_FOUND: () => 'This photo is not one of your uploads, or it is already on a request (uploads are kept for 24 hours).',
} satisfies Record<string, (params: Params) => string>;

export type ReturnRequestErrorCode = keyof typeof MESSAGES;
export type ReturnRequestError = UserError<ReturnRequestErrorCode>;
export type ReturnRequestResult<T> = Result<T, ReturnRequestErrorCode>;

/** One userError whose message comes from its code and parameters, never from the input's values. */
export function returnError(code: ReturnRequestErrorCode, field: string[] | null, params: Params = {}): ReturnRequestError {
  return userError(code, MESSAGES[code](params), field);
}

/** A failure with one coded error. */
export function returnFail(code: ReturnRequestErrorCode, field: string[] | null, params: Params = {}): { ok: false; errors: ReturnRequestError[] } {
  return { ok: false, errors: [returnError(code, field, params)] };
}
