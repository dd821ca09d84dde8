'use server';

import { revalidatePath } from 'next/cache';

import { runMutation, type ActionResult } from '@/lib/mutation';

import {
  ReturnRequestApprove,
  ReturnRequestClose,
  ReturnRequestExchange,
  ReturnRequestOpen,
  ReturnRequestReceive,
  ReturnRequestRefund,
  ReturnRequestReject,
  type ReturnDisposition,
  type ReturnReasonCode,
  type ReturnRequestCloseReason,
  type ReturnRequestKind,
} from './after-sales.graphql';

const settled = <T,>(id: string, result: ActionResult<T>) => {
  if (result.ok) revalidatePath(`/after-sales/${id}`);
  return result;
};

/** returnRequestApprove or returnRequestReject, with an internal note (required to reject). */
export async function decideReturnRequest(id: string, decision: 'APPROVE' | 'REJECT', note?: string): Promise<ActionResult<null>> {
  const input = { id, note: note?.trim() || null };
  const result =
    decision === 'APPROVE'
      ? await runMutation(ReturnRequestApprove, { input }, (d) => d.returnRequestApprove, () => null)
      : await runMutation(ReturnRequestReject, { input }, (d) => d.returnRequestReject, () => null);
  return settled(id, result);
}

export interface ReceiveFields {
  warehouseId: string;
  note?: string;
  lines: { lineId: string; quantity: number; disposition: ReturnDisposition }[];
}

/** returnRequestReceive: lines with no units arrived with nothing and are left out. */
export async function receiveReturnRequest(id: string, fields: ReceiveFields): Promise<ActionResult<null>> {
  const input = { id, warehouseId: fields.warehouseId, note: fields.note?.trim() || null, lines: fields.lines.filter((l) => l.quantity > 0) };
  return settled(id, await runMutation(ReturnRequestReceive, { input }, (d) => d.returnRequestReceive, () => null));
}

/** returnRequestRefund: an empty amount refunds all the request may still give back. */
export async function refundReturnRequest(id: string, amount: string | undefined, includeShipping: boolean): Promise<ActionResult<null>> {
  const input = { id, amount: amount?.trim() || null, includeShipping };
  return settled(id, await runMutation(ReturnRequestRefund, { input }, (d) => d.returnRequestRefund, () => null));
}

export interface ExchangeFields {
  warehouseId: string;
  carrierCode: string;
  trackingNumber?: string;
  book?: boolean;
}

/** returnRequestExchange: the replacement shipment. */
export async function exchangeReturnRequest(id: string, fields: ExchangeFields): Promise<ActionResult<null>> {
  const input = { id, warehouseId: fields.warehouseId, carrierCode: fields.carrierCode.trim(), trackingNumber: fields.trackingNumber?.trim() || null, book: fields.book ?? false };
  return settled(id, await runMutation(ReturnRequestExchange, { input }, (d) => d.returnRequestExchange, () => null));
}

/** returnRequestClose: the request will not go on; the reason and an internal note say why. */
export async function closeReturnRequest(id: string, reason: ReturnRequestCloseReason, note: string): Promise<ActionResult<null>> {
  const input = { id, reason, note: note.trim() };
  return settled(id, await runMutation(ReturnRequestClose, { input }, (d) => d.returnRequestClose, () => null));
}

export interface OpenFields {
  orderId: string;
  kind: ReturnRequestKind;
  reasonCode: ReturnReasonCode;
  note?: string;
  lines: { orderLineId: string; quantity: number }[];
  photoIds: string[];
}

/** returnRequestCreate from the order page, for the customer; answers the new request's id. */
export async function openReturnRequest(fields: OpenFields): Promise<ActionResult<string>> {
  const input = { ...fields, note: fields.note?.trim() || null };
  const result = await runMutation(ReturnRequestOpen, { input }, (d) => d.returnRequestCreate, (p) => p.returnRequest!.id);
  if (result.ok) {
    revalidatePath('/after-sales');
    revalidatePath(`/orders/${fields.orderId}`);
  }
  return result;
}
