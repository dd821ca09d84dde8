/** Stock enums shared by server pages and client components (no server-only imports here). */

export const stockAdjustReasons = ['DAMAGED', 'LOST', 'FOUND', 'CORRECTION', 'WRITE_OFF', 'RETURN_TO_STOCK'] as const;
export type StockAdjustReason = (typeof stockAdjustReasons)[number];

export const stockMovementKinds = [
  'RECEIPT',
  'ADJUSTMENT',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'RESERVATION',
  'RELEASE',
  'SHIPMENT',
  'RETURN',
  'WRITE_OFF',
  'STOCKTAKE',
] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

export const purchaseOrderStatuses = ['DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'] as const;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];
export const isPurchaseOrderStatus = (value: unknown): value is PurchaseOrderStatus =>
  (purchaseOrderStatuses as readonly unknown[]).includes(value);
