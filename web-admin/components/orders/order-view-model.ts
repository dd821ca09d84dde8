import type { Money } from '@/lib/format';

import type {
  OrderAction,
  OrderChannel,
  OrderFlagReason,
  OrderPaymentState,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PaymentTransactionKind,
  ShippingMethodCode,
} from './order-enums';

/**
 * An order as the detail page's client components receive it: amounts and dates are
 * formatted on the server in the request's locale; raw amounts only where a form needs them.
 */
export interface OrderViewModel {
  id: string;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  createdAt: string;
  member: { id: string; displayName: string | null } | null;
  marketplace: string | null;
  externalOrderId: string | null;
  paymentState: OrderPaymentState;
  /** Null when the gateway withheld the hold state. */
  onHold: boolean | null;
  /** What the viewer may do with the order now, as the server decides (its state machine and the viewer's scopes). */
  availableActions: OrderAction[];
  totals: { subtotal: string; shipping: string; discount: string; tax: string; total: string; paid: string };
  /** What is still due, formatted; null when nothing is. */
  due: string | null;
  lines: {
    id: string;
    sku: string;
    productTitle: string;
    variantTitle: string;
    options: string;
    unitPrice: string;
    quantity: number;
    lineTotal: string;
  }[];
  address: {
    name: string | null;
    phone: string | null;
    email: string | null;
    /** Street, city, region, postal code and country, one line each. */
    lines: string[];
  } | null;
  shippingMethod: ShippingMethodCode | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** The Thai tax invoice's number once one was printed (INV2026-000001). */
  taxInvoiceNumber: string | null;
  tags: string[];
  flags: {
    id: string;
    reason: OrderFlagReason;
    message: string;
    raisedBy: string;
    createdAt: string;
    open: boolean;
    cleared: { by: string | null; at: string; note: string | null } | null;
  }[];
  payments: {
    id: string;
    provider: 'MANUAL' | 'SANDBOX';
    method: PaymentMethod | null;
    status: PaymentStatus;
    amount: string;
    captured: string;
    refunded: string;
    /** Captured minus refunded, raw for the refund form; null when nothing is left to refund. */
    refundable: Money | null;
    refundableText: string | null;
    reference: string | null;
    card: string | null;
    createdAt: string;
    transactions: { id: string; kind: PaymentTransactionKind; amount: string; note: string | null; reference: string | null; createdAt: string }[];
  }[];
  history: {
    id: string;
    kind: string;
    createdAt: string;
    actorKind: 'STAFF' | 'CUSTOMER' | 'PARTNER' | 'SYSTEM';
    actor: string;
    fromStatus: OrderStatus | null;
    toStatus: OrderStatus | null;
    note: string | null;
  }[];
}
