'use client';

import { Empty, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { OrderChannel, OrderStatus } from '@/app/(console)/orders/orders.graphql';

/** An order as the list shows it; texts are formatted on the server in the request's locale. */
export interface OrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  member: string;
  total: string;
  createdAt: string;
}

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

export function OrdersTable({ rows }: { rows: OrderRow[] }) {
  const t = useTranslations('orders');
  return (
    <Table<OrderRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        { key: 'number', dataIndex: 'number', title: t('columns.number') },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('columns.status'),
          render: (status: OrderStatus) => (
            <Tag color={statusColors[status]}>{t(`status.${status}`)}</Tag>
          ),
        },
        {
          key: 'channel',
          dataIndex: 'channel',
          title: t('columns.channel'),
          render: (channel: OrderChannel) => t(`channel.${channel}`),
        },
        { key: 'member', dataIndex: 'member', title: t('columns.member') },
        { key: 'total', dataIndex: 'total', title: t('columns.total') },
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
      ]}
    />
  );
}
