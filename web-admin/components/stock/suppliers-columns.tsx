'use client';

import { EditOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import type { SuppliersListNode } from '@/app/(console)/stock/suppliers/suppliers.graphql';
import { formatMoney } from '@/lib/format';

function SupplierProducts({ row }: { row: SuppliersListNode }) {
  const t = useTranslations('stock.suppliers');
  const tc = useTranslations('common');
  const locale = useLocale();
  if (!row.products.length) return <Typography.Text type="secondary">{t('noProducts')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {row.products.map((product, index) => (
        <span key={product.variant?.id ?? index} data-testid="supplier-product">
          <Typography.Text code>{product.variant?.sku ?? tc('none')}</Typography.Text>{' '}
          <span suppressHydrationWarning>{product.cost ? formatMoney(product.cost, locale) : '—'}</span>
        </span>
      ))}
    </Space>
  );
}

interface SupplierHandlers {
  onEdit: (row: SuppliersListNode) => void;
  onSetCost: (row: SuppliersListNode) => void;
}

/** The suppliers list's columns; Edit and Set cost only with stock:write. */
export function useSupplierColumns(handlers: SupplierHandlers | null): TableColumnsType<SuppliersListNode> {
  const t = useTranslations('stock.suppliers');
  const tc = useTranslations('common');
  return [
    { key: 'name', dataIndex: 'name', title: t('columns.name') },
    {
      key: 'contact',
      title: t('columns.contact'),
      render: (_: unknown, row) => (
        <Flex vertical>
          <span>{row.contactName ?? tc('none')}</span>
          {row.email && <Typography.Text type="secondary">{row.email}</Typography.Text>}
          {row.phone && <Typography.Text type="secondary" dir="ltr">{row.phone}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'leadTimeDays', dataIndex: 'leadTimeDays', title: t('columns.leadTimeDays'), align: 'end', render: (d: number) => t('days', { count: d }) },
    { key: 'currencyCode', dataIndex: 'currencyCode', title: t('columns.currency') },
    { key: 'products', title: t('columns.products'), render: (_: unknown, row) => <SupplierProducts row={row} /> },
    ...(handlers
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, row: SuppliersListNode) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => handlers.onEdit(row)} data-testid="supplier-edit">
                  {tc('edit')}
                </Button>
                <Button size="small" icon={<TagsOutlined />} onClick={() => handlers.onSetCost(row)} data-testid="supplier-set-cost">
                  {t('setCost')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
}
