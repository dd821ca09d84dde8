'use client';

import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { CollectionsListNode } from '@/app/(console)/products/collections/collections.graphql';

interface CollectionHandlers {
  onEdit: (row: CollectionsListNode) => void;
  onDelete: (row: CollectionsListNode) => void;
}

/** The collections list's columns; the product count links to the filtered product list. */
export function useCollectionColumns(handlers: CollectionHandlers | null): TableColumnsType<CollectionsListNode> {
  const t = useTranslations('collections');
  const tc = useTranslations('common');
  return [
    { key: 'title', dataIndex: 'title', title: t('columns.title') },
    { key: 'handle', dataIndex: 'handle', title: t('columns.handle'), render: (h: string) => <span dir="ltr">{h}</span> },
    {
      key: 'products',
      title: t('columns.products'),
      render: (_: unknown, row) => (
        <Link href={`/products?collection=${encodeURIComponent(row.id)}`}>{t('viewProducts', { count: row.products.totalCount })}</Link>
      ),
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
    ...(handlers
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, row: CollectionsListNode) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => handlers.onEdit(row)} data-testid="collection-edit">
                  {tc('edit')}
                </Button>
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => handlers.onDelete(row)} data-testid="collection-delete">
                  {t('delete')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
}
