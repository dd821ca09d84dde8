// The userErrors of after-sales: their codes and messages live in the orders catalogue (errors/, area afterSales).
import type { Result, UserError } from '@shop/kit';
import type { en } from '../errors/messages/en.js';

export { returnError, returnFail } from '../errors/index.js';

export type ReturnRequestErrorCode = keyof (typeof en)['afterSales'];
export type ReturnRequestError = UserError<ReturnRequestErrorCode>;
export type ReturnRequestResult<T> = Result<T, ReturnRequestErrorCode>;
