// Purchasing: per-request batch loaders of suppliers and purchase orders.
import { groupLoader, rowLoader, type Db } from '@shop/kit';
import { linesByPurchaseOrderIds, purchaseOrdersByIds, receiptsByLineIds } from './purchase-orders.js';
import { supplierProductsBySupplierIds, suppliersByIds } from './suppliers.js';

/** Per-request loaders for suppliers and purchase orders: one query per batch of ids. */
export function createPurchasingLoaders(db: Db) {
  return {
    supplierById: rowLoader((ids: readonly string[]) => suppliersByIds(db, ids), (row) => row.id),
    supplierProductsBySupplierId: groupLoader(
      (ids: readonly string[]) => supplierProductsBySupplierIds(db, ids),
      (row) => row.supplierId,
    ),
    purchaseOrderById: rowLoader((ids: readonly string[]) => purchaseOrdersByIds(db, ids), (row) => row.id),
    purchaseOrderLinesByOrderId: groupLoader(
      (ids: readonly string[]) => linesByPurchaseOrderIds(db, ids),
      (row) => row.purchaseOrderId,
    ),
    receiptsByPurchaseOrderLineId: groupLoader(
      (ids: readonly string[]) => receiptsByLineIds(db, ids),
      (row) => row.purchaseOrderLineId,
    ),
  };
}

export type PurchasingLoaders = ReturnType<typeof createPurchasingLoaders>;
