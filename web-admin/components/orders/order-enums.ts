/** Orders enums shared by server pages and client components (no server-only imports here). */

export const orderStatuses = [
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLING',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'CLOSED',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderChannels = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'] as const;
export type OrderChannel = (typeof orderChannels)[number];

export const paymentStates = ['UNPAID', 'PARTIALLY_PAID', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'OVERPAID'] as const;
export type OrderPaymentState = (typeof paymentStates)[number];

export const shippingMethods = ['STANDARD', 'EXPRESS', 'PICKUP'] as const;
export type ShippingMethodCode = (typeof shippingMethods)[number];

/** Ways an operator may record money by hand (orderMarkPaid refuses CARD and MARKETPLACE). */
export const manualPaymentMethods = ['BANK_TRANSFER', 'CASH_ON_DELIVERY', 'CASH', 'CARD_TERMINAL', 'OTHER'] as const;
export type PaymentMethod = (typeof manualPaymentMethods)[number] | 'CARD' | 'MARKETPLACE';

export const flagReasons = [
  'HIGH_TOTAL',
  'REPEATED_ADDRESS',
  'REPEATED_PHONE',
  'INCOMPLETE_ADDRESS',
  'PAYMENT_MISMATCH',
  'FIRST_ORDER_HIGH_TOTAL',
  'MANUAL_HOLD',
] as const;
export type OrderFlagReason = (typeof flagReasons)[number];

/** What a caller may do with an order now (Order.availableActions), in the order the work flows. */
export const orderActions = [
  'MARK_PAID',
  'RECORD_PAYMENT',
  'PAY_BY_CARD',
  'CAPTURE_PAYMENT',
  'FULFIL',
  'SHIP',
  'MARK_DELIVERED',
  'COMPLETE',
  'RELEASE',
  'HOLD',
  'CANCEL',
  'CLOSE',
  'REFUND_PAYMENT',
  'ADD_NOTE',
  'ADD_TAGS',
  'REMOVE_TAGS',
] as const;
export type OrderAction = (typeof orderActions)[number];

export type PaymentStatus = 'PENDING' | 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'DECLINED';
export type PaymentTransactionKind = 'AUTHORIZATION' | 'CAPTURE' | 'REFUND' | 'VOID';

export const orderSortKeys = ['CREATED_AT', 'TOTAL'] as const;
export type OrderSortKey = (typeof orderSortKeys)[number];

const member =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

export const isOrderStatus = member(orderStatuses);
export const isOrderChannel = member(orderChannels);
export const isPaymentState = member(paymentStates);
export const isOrderSortKey = member(orderSortKeys);
