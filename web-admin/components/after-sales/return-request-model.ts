import type {
  ReturnDisposition,
  ReturnReasonCode,
  ReturnRequestCloseReason,
  ReturnRequestKind,
  ReturnRequestStatus,
} from '@/app/(console)/after-sales/after-sales.graphql';

/** One request as the detail page shows it: money and dates formatted on the server, in the shop's time zone. */
export interface ReturnRequestViewModel {
  id: string;
  number: string;
  kind: ReturnRequestKind;
  status: ReturnRequestStatus;
  reasonCode: ReturnReasonCode;
  openedBy: 'CUSTOMER' | 'STAFF';
  /** Null when the viewer may not read it (contact data or internal notes), empty text when there is none. */
  customerNote: string | null;
  staffNote: string | null;
  refundShipping: boolean;
  closeReason: ReturnRequestCloseReason | null;
  /** Null when the viewer may not see them (contact data); each `src` is the console's proxy of a short-lived signed link. */
  photos: { id: string; src: string }[] | null;
  refunded: string;
  createdAt: string;
  updatedAt: string;
  order: { id: string; number: string; shipping: string } | null;
  lines: {
    id: string;
    sku: string;
    title: string;
    unitPrice: string;
    quantity: number;
    receivedQuantity: number;
    disposition: ReturnDisposition | null;
    warehouse: string | null;
    lotCode: string | null;
  }[];
}

export interface WarehouseOption {
  id: string;
  label: string;
}

/** Which steps the viewer may take now: by the request's kind and status and the viewer's scopes. */
export function stepsOf(request: Pick<ReturnRequestViewModel, 'kind' | 'status'>, can: { write: boolean; refund: boolean; warehouses: boolean }) {
  const { kind, status } = request;
  return {
    decide: can.write && status === 'REQUESTED',
    receive: can.write && can.warehouses && status === 'APPROVED' && kind !== 'REFUND_ONLY',
    refund: can.refund && (status === 'RECEIVED' || status === 'REFUNDED' || (kind === 'REFUND_ONLY' && status === 'APPROVED')),
    exchange: can.write && can.warehouses && kind === 'EXCHANGE' && (status === 'APPROVED' || status === 'RECEIVED'),
    // Once money went back the request is REFUNDED, and a replacement makes it EXCHANGED: neither closes.
    close: can.write && (status === 'REQUESTED' || status === 'APPROVED' || status === 'RECEIVED'),
  };
}
