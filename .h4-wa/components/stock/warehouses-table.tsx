'use client';

import { Empty, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { StockWarehousesNode } from '@/app/(console)/stock/warehouses/warehouses.graphql';

export function WarehousesTable({ warehouses }: { warehouses: StockWarehousesNode[] }) {
  const t = useTranslations('stock');
  return (
    <Table<StockWarehousesNode>
      rowKey="id"
      dataSource={warehouses}
      pagination={false}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        {
          key: 'code',
          dataIndex: 'code',
          title: t('columns.code'),
          render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
        },
        { key: 'name', dataIndex: 'name', title: t('columns.name') },
      ]}
    />
  );
}
