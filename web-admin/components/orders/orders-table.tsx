'use client';

import { Empty, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';

/** An order as the list shows it; texts are formatted on the server in the request's locale. */
export interface OrderRow {
  id: string;
  number: string;
  status: string;
  channel: string;
  member: string;
  total: string;
  createdAt: string;
}

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
          render: (status: string) => <Tag>{status}</Tag>,
        },
        { key: 'channel', dataIndex: 'channel', title: t('columns.channel') },
        { key: 'member', dataIndex: 'member', title: t('columns.member') },
        { key: 'total', dataIndex: 'total', title: t('columns.total') },
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
      ]}
    />
  );
}
