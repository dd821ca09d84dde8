'use client';

import { Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { OrderPaymentState, OrderStatus } from './order-enums';

const statusColors: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'gold',
  PAID: 'blue',
  FULFILLING: 'geekblue',
  SHIPPED: 'cyan',
  DELIVERED: 'green',
  COMPLETED: 'green',
  CANCELLED: 'red',
  CLOSED: 'default',
};

const paymentColors: Record<OrderPaymentState, string> = {
  UNPAID: 'gold',
  PARTIALLY_PAID: 'orange',
  PAID: 'green',
  PARTIALLY_REFUNDED: 'purple',
  REFUNDED: 'default',
  OVERPAID: 'red',
};

/** An order's status as a coloured tag; `data-status` carries the code. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const t = useTranslations('orders.status');
  return (
    <Tag color={statusColors[status]} data-testid="order-status" data-status={status}>
      {t(status)}
    </Tag>
  );
}

/** How the money received compares with the total; `data-state` carries the code. */
export function PaymentStateTag({ state }: { state: OrderPaymentState }) {
  const t = useTranslations('orders.paymentState');
  return (
    <Tag color={paymentColors[state]} data-testid="order-payment-state" data-state={state}>
      {t(state)}
    </Tag>
  );
}
