'use client';

import type { HTMLAttributes } from 'react';
import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { Restricted } from '@/components/shell/restricted';

import type { ProductStatus } from './catalog-enums';
import type { ProductRow } from './product-row';
import { ProductStatusTag } from './product-status-tag';
import type { useProductSort } from './product-sort';

/** The product list's columns; title, price and creation sort through `sorted`. */
export function useProductColumns(sorted: ReturnType<typeof useProductSort>['sorted']): TableColumnsType<ProductRow> {
  const t = useTranslations('products');
  return [
    {
      key: 'title',
      dataIndex: 'title',
      title: t('columns.title'),
      ...sorted('title'),
      render: (title: string, row) => (
        <Flex vertical>
          <Link href={`/products/${encodeURIComponent(row.id)}`} data-testid="product-link">
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} dir="ltr">
            {row.handle}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'status', dataIndex: 'status', title: t('columns.status'), render: (status: ProductStatus) => <ProductStatusTag status={status} /> },
    { key: 'brand', dataIndex: 'brand', title: t('columns.brand'), render: (brand: string | null) => brand ?? '—' },
    { key: 'variants', dataIndex: 'variantCount', title: t('columns.variants'), align: 'end' },
    { key: 'price', dataIndex: 'price', title: t('columns.price'), align: 'end', ...sorted('price') },
    {
      key: 'cost',
      dataIndex: 'cost',
      title: t('columns.cost'),
      align: 'end',
      onCell: () => ({ 'data-testid': 'cost-cell' }) as HTMLAttributes<HTMLElement>,
      render: (cost: string | null) => (cost === null ? <Restricted /> : cost),
    },
    {
      key: 'stock',
      dataIndex: 'inStock',
      title: t('columns.stock'),
      render: (inStock: boolean) => <Tag color={inStock ? 'green' : 'red'}>{t(inStock ? 'stock.IN_STOCK' : 'stock.OUT_OF_STOCK')}</Tag>,
    },
    {
      key: 'tags',
      dataIndex: 'tags',
      title: t('columns.tags'),
      render: (tags: string[]) => (
        <Flex wrap gap={4}>
          {tags.map((tag) => (
            <Tag key={tag} data-testid="product-tag">
              {tag}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt'), ...sorted('createdAt') },
  ];
}
