import type { ActionResult } from '@/lib/mutation';
import type { PurchaseOrderStatus } from '@/lib/stock';

import type { VariantLabel_ProductVariant, WarehouseLabel_Warehouse } from './variant-label.graphql';

export interface PurchaseOrderLineRow {
  id: string;
  variant: VariantLabel_ProductVariant | null;
  quantityOrdered: number;
  quantityReceived: number;
  /** Formatted on the server. */
  unitCost: string;
  /** The lot codes its deliveries were received with, oldest first. */
  lotCodes: string[];
}

export interface PurchaseOrderViewModel {
  id: string;
  number: string;
  supplierName: string | null;
  warehouse: WarehouseLabel_Warehouse | null;
  status: PurchaseOrderStatus;
  total: string;
  createdAt: string;
  lines: PurchaseOrderLineRow[];
}

/** What is still to be received on a line. */
export const remaining = (line: PurchaseOrderLineRow) => Math.max(0, line.quantityOrdered - line.quantityReceived);

/**
 * Only lines with something to receive are sent, so userErrors name the index among those sent;
 * `formIndexes[i]` is the form's index of the i-th line sent.
 */
export function withFormIndexes<T>(result: ActionResult<T>, formIndexes: number[]): ActionResult<T> {
  if (result.ok || result.reason !== 'USER_ERRORS') return result;
  const userErrors = result.userErrors.map((error) => {
    const field = error.field;
    if (field?.[1] !== 'lines' || !field[2] || !/^\d+$/.test(field[2])) return error;
    const formIndex = formIndexes[Number(field[2])];
    return formIndex === undefined ? error : { ...error, field: [...field.slice(0, 2), String(formIndex), ...field.slice(3)] };
  });
  return { ...result, userErrors };
}
