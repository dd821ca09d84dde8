'use client';

import { PauseCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { OrderChannel, OrderPaymentState, OrderStatus } from './order-enums';
import { OrderStatusTag, PaymentStateTag } from './order-status-tag';

/** An order as the list shows it; texts are formatted on the server in the request's locale. */
export interface OrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  paymentState: OrderPaymentState;
  onHold: boolean;
  tags: string[];
  /** The member's name, else the recipient's; null for an anonymous walk-in sale. */
  customer: string | null;
  phone: string | null;
  total: string;
  createdAt: string;
}

/** The orders list's columns; the number opens the order. */
export function useOrderColumns(): TableColumnsType<OrderRow> {
  const t = useTranslations('orders');
  return [
    {
      key: 'number',
      title: t('columns.number'),
      render: (_: unknown, row) => (
        <Flex gap={6} align="center">
          <Link href={`/orders/${encodeURIComponent(row.id)}`} data-testid="order-link">
            {row.number}
          </Link>
          {row.onHold && (
            <Tooltip title={t('onHold')}>
              <PauseCircleOutlined style={{ color: 'var(--ant-color-warning)' }} aria-label={t('onHold')} data-testid="order-on-hold" />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { key: 'status', title: t('columns.status'), render: (_: unknown, row) => <OrderStatusTag status={row.status} /> },
    {
      key: 'payment',
      title: t('columns.payment'),
      render: (_: unknown, row) => <PaymentStateTag state={row.paymentState} />,
    },
    { key: 'channel', title: t('columns.channel'), render: (_: unknown, row) => t(`channel.${row.channel}`) },
    {
      key: 'customer',
      title: t('columns.customer'),
      render: (_: unknown, row) => (
        <Flex vertical>
          <bdi>{row.customer ?? t('guest')}</bdi>
          {row.phone && (
            <Typography.Text type="secondary" data-testid="order-phone">
              <bdi dir="ltr">{row.phone}</bdi>
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'tags',
      title: t('columns.tags'),
      render: (_: unknown, row) => row.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    { key: 'total', dataIndex: 'total', title: t('columns.total'), align: 'end' },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
  ];
}
