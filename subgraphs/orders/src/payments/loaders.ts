// Per-request batch loaders of payments, merged into the domain's createLoaders.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { paymentsByOrderIds, paymentSums, transactionsByPaymentIds } from './service.js';
import { moneyByOrderIds } from './state.js';

export function createPaymentLoaders(db: Db) {
  return {
    moneyByOrderId: rowLoader((ids: readonly string[]) => moneyByOrderIds(db, ids), (m) => m.orderId),
    paymentsByOrderId: groupLoader((ids: readonly string[]) => paymentsByOrderIds(db, ids), (p) => p.orderId),
    sumsByPaymentId: rowLoader((ids: readonly string[]) => paymentSums(db, ids), (s) => s.paymentId),
    transactionsByPaymentId: groupLoader((ids: readonly string[]) => transactionsByPaymentIds(db, ids), (t) => t.paymentId),
  };
}
