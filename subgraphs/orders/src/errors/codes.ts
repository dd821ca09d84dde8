// Every userError of orders, by area (cart, checkout, shipments, after-sales, batch, documents, quality…): the
// code and the message built from the code and its parameters, never from the input's values; English when
// made, the caller's language when answered (the kit's answeringInCallersLanguage at the subgraph boundary).
import { errorMakers, type Catalogue } from '@shop/kit';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { th } from './messages/th.js';
import { zhCN } from './messages/zh-CN.js';
import { zhTW } from './messages/zh-TW.js';

/** Orders' messages in the shop's five languages (the type checks that each locale has every key). */
export const ORDERS_CATALOGUE: Catalogue<typeof en> = { en, th, 'zh-CN': zhCN, 'zh-TW': zhTW, ar };

export const { error: cartError, fail: cartFail } = errorMakers(ORDERS_CATALOGUE, 'cart');
export const { error: checkoutError, fail: checkoutFail } = errorMakers(ORDERS_CATALOGUE, 'checkout');
export const { error: channelError, fail: channelFail } = errorMakers(ORDERS_CATALOGUE, 'channels');
export const { error: lifecycleError, fail: lifecycleFail } = errorMakers(ORDERS_CATALOGUE, 'lifecycle');
export const { error: shipmentError, fail: shipmentFail } = errorMakers(ORDERS_CATALOGUE, 'shipments');
export const { error: paymentError, fail: paymentFail } = errorMakers(ORDERS_CATALOGUE, 'payments');
export const { error: flagError, fail: flagFail } = errorMakers(ORDERS_CATALOGUE, 'flags');
export const { error: returnError, fail: returnFail } = errorMakers(ORDERS_CATALOGUE, 'afterSales');
export const { error: qualityError, fail: qualityFail } = errorMakers(ORDERS_CATALOGUE, 'quality');
export const { error: documentError, fail: documentFail } = errorMakers(ORDERS_CATALOGUE, 'documents');
export const { error: batchError, fail: batchFail } = errorMakers(ORDERS_CATALOGUE, 'batch');
export const { error: addressError } = errorMakers(ORDERS_CATALOGUE, 'addresses');
