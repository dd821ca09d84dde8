'use client';

import type { HTMLAttributes } from 'react';
import { Empty, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { ProductStatus } from '@/app/(console)/products/products.graphql';
import { Restricted } from '@/components/shell/restricted';

/** A product as the list shows it; texts are formatted on the server in the request's locale. */
export interface ProductRow {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  variantCount: string;
  price: string;
  /** The first variant's cost price; null when the gateway withheld it. */
  cost: string | null;
  createdAt: string;
}

const statusColors: Record<ProductStatus, string> = {
  ACTIVE: 'green',
  DRAFT: 'gold',
  ARCHIVED: 'default',
};

/** Marks each row so browser tests can count them. */
const rowProps = (): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'product-row' }) as HTMLAttributes<HTMLElement>;

export function ProductsTable({ rows, emptyText }: { rows: ProductRow[]; emptyText: string }) {
  const t = useTranslations('products');
  return (
    <Table<ProductRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      onRow={rowProps}
      columns={[
        { key: 'title', dataIndex: 'title', title: t('columns.title') },
        { key: 'handle', dataIndex: 'handle', title: t('columns.handle') },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('columns.status'),
          render: (status: ProductStatus) => (
            <Tag color={statusColors[status]}>{t(`status.${status}`)}</Tag>
          ),
        },
        { key: 'variants', dataIndex: 'variantCount', title: t('columns.variants') },
        { key: 'price', dataIndex: 'price', title: t('columns.price') },
        {
          key: 'cost',
          dataIndex: 'cost',
          title: t('columns.cost'),
          onCell: () => ({ 'data-testid': 'cost-cell' }) as HTMLAttributes<HTMLElement>,
          render: (cost: string | null) => (cost === null ? <Restricted /> : cost),
        },
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
      ]}
    />
  );
}
