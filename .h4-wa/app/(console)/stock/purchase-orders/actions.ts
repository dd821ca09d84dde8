'use server';

import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  PurchaseOrderCancel,
  PurchaseOrderClose,
  PurchaseOrderCreate,
  PurchaseOrderCreateFromSuggestions,
  PurchaseOrderOrder,
  PurchaseOrderReceive,
  type PurchaseOrderCreateInput,
  type PurchaseOrderReceiveInput,
} from './purchase-orders.graphql';

/** purchaseOrderCreate → a DRAFT; hands back its id. */
export async function createPurchaseOrder(input: PurchaseOrderCreateInput): Promise<ActionResult<string | null>> {
  return runMutation(PurchaseOrderCreate, { input }, (d) => d.purchaseOrderCreate, (p) => p.purchaseOrder?.id ?? null);
}

/** purchaseOrderCreateFromSuggestions → a DRAFT from the current suggestions for the supplier's products. */
export async function createPurchaseOrderFromSuggestions(input: {
  warehouseId: string;
  supplierId: string;
}): Promise<ActionResult<string | null>> {
  return runMutation(
    PurchaseOrderCreateFromSuggestions,
    { input },
    (d) => d.purchaseOrderCreateFromSuggestions,
    (p) => p.purchaseOrder?.id ?? null,
  );
}

/** purchaseOrderOrder: DRAFT → ORDERED. */
export async function orderPurchaseOrder(id: string): Promise<ActionResult<null>> {
  return runMutation(PurchaseOrderOrder, { input: { id } }, (d) => d.purchaseOrderOrder, () => null);
}

/** purchaseOrderReceive: per-line quantities; stock arrives through the ledger. */
export async function receivePurchaseOrder(input: PurchaseOrderReceiveInput): Promise<ActionResult<null>> {
  return runMutation(PurchaseOrderReceive, { input }, (d) => d.purchaseOrderReceive, () => null);
}

/** purchaseOrderCancel (DRAFT / ORDERED without receipts). */
export async function cancelPurchaseOrder(id: string): Promise<ActionResult<null>> {
  return runMutation(PurchaseOrderCancel, { input: { id } }, (d) => d.purchaseOrderCancel, () => null);
}

/** purchaseOrderClose: nothing more will arrive. */
export async function closePurchaseOrder(id: string): Promise<ActionResult<null>> {
  return runMutation(PurchaseOrderClose, { input: { id } }, (d) => d.purchaseOrderClose, () => null);
}
