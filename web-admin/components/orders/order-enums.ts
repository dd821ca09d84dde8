/** Orders enums shared by server pages and client components (no server-only imports here). */
import type {
  OrderChannel,
  OrderFlagReason,
  OrderPaymentState,
  OrderSortKey,
  OrderStatus,
  PaymentMethod,
  ShippingMethodCode,
} from '@/gql/graphql';
import { enumValues } from '@/lib/enum-values';

export type {
  OrderAction,
  OrderChannel,
  OrderFlagReason,
  OrderPaymentState,
  OrderSortKey,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PaymentTransactionKind,
  ShippingMethodCode,
} from '@/gql/graphql';

export const orderStatuses = enumValues<OrderStatus>()([
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLING',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'CLOSED',
]);

export const orderChannels = enumValues<OrderChannel>()([
  'ONLINE_STORE',
  'MINI_PROGRAM',
  'MOBILE_APP',
  'POINT_OF_SALE',
  'MARKETPLACE',
]);

export const paymentStates = enumValues<OrderPaymentState>()([
  'UNPAID',
  'PARTIALLY_PAID',
  'PAID',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'OVERPAID',
]);

export const shippingMethods = enumValues<ShippingMethodCode>()(['STANDARD', 'EXPRESS', 'PICKUP']);

/** Ways an operator may record money by hand (orderMarkPaid refuses CARD and MARKETPLACE). */
export const manualPaymentMethods = [
  'BANK_TRANSFER',
  'CASH_ON_DELIVERY',
  'CASH',
  'CARD_TERMINAL',
  'OTHER',
] as const satisfies readonly PaymentMethod[];

export const flagReasons = enumValues<OrderFlagReason>()([
  'HIGH_TOTAL',
  'REPEATED_ADDRESS',
  'REPEATED_PHONE',
  'INCOMPLETE_ADDRESS',
  'PAYMENT_MISMATCH',
  'FIRST_ORDER_HIGH_TOTAL',
  'MANUAL_HOLD',
]);

export const orderSortKeys = enumValues<OrderSortKey>()(['CREATED_AT', 'TOTAL']);

const member =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

export const isOrderStatus = member(orderStatuses);
export const isOrderChannel = member(orderChannels);
export const isPaymentState = member(paymentStates);
export const isOrderSortKey = member(orderSortKeys);
