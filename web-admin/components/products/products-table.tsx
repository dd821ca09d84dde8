'use client';

import { useState, type HTMLAttributes } from 'react';
import { Empty, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

import type { ProductSortKey, ProductStatus } from './catalog-enums';
import { Restricted } from '@/components/shell/restricted';

import { ProductsBulkBar } from './products-bulk-bar';
import { ProductStatusTag } from './product-status-tag';

/** A product as the list shows it; texts are formatted on the server in the request's locale. */
export interface ProductRow {
  id: string;
  title: string;
  handle: string;
  status: ProductStatus;
  brand: string | null;
  variantCount: string;
  price: string;
  inStock: boolean;
  tags: string[];
  /** The first variant's cost price; null when the gateway withheld it. */
  cost: string | null;
  createdAt: string;
}

/** Which way each sort key runs before `reverse` (the API's natural order). */
const naturalOrder: Record<ProductSortKey, 'ascend' | 'descend'> = {
  CREATED_AT: 'descend',
  UPDATED_AT: 'descend',
  TITLE: 'ascend',
  PRICE: 'ascend',
};

/** Columns that sort, by the API sort key they use. */
const sortable: Partial<Record<string, ProductSortKey>> = { title: 'TITLE', price: 'PRICE', createdAt: 'CREATED_AT' };

/** Marks each row so browser tests can find them. */
const rowProps = (row: ProductRow): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'product-row', 'data-product-id': row.id, 'data-handle': row.handle }) as HTMLAttributes<HTMLElement>;

/**
 * The product list: column sort (kept in the URL as `sort` and `reverse`, back to the
 * first page), and with catalog:write a selection for the bulk actions.
 */
export function ProductsTable({
  rows,
  emptyText,
  sort,
  canWrite,
}: {
  rows: ProductRow[];
  emptyText: string;
  sort: { key: ProductSortKey; reverse: boolean };
  canWrite: boolean;
}) {
  const t = useTranslations('products');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);

  const orderOf = (column: string) => {
    const key = sortable[column];
    if (key !== sort.key) return null;
    const natural = naturalOrder[key];
    return sort.reverse ? (natural === 'ascend' ? 'descend' : 'ascend') : natural;
  };

  const onChange: TableProps<ProductRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey ? sortable[String(one.columnKey)] : undefined;
    const search = new URLSearchParams(searchParams.toString());
    search.delete('after');
    search.delete('before');
    search.delete('sort');
    search.delete('reverse');
    if (key && one?.order) {
      search.set('sort', key);
      if (one.order !== naturalOrder[key]) search.set('reverse', '1');
    }
    router.push(`${pathname}?${search.toString()}`);
  };

  const sorted = (column: string) => ({
    sorter: true,
    sortOrder: orderOf(column),
    sortDirections: ['ascend', 'descend', 'ascend'] as ('ascend' | 'descend')[],
  });

  return (
    <>
      {canWrite && (
        <ProductsBulkBar selected={selected} onDone={() => setSelected([])} />
      )}
      <Table<ProductRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onChange={onChange}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onRow={rowProps}
        columns={[
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
          {
            key: 'status',
            dataIndex: 'status',
            title: t('columns.status'),
            render: (status: ProductStatus) => <ProductStatusTag status={status} />,
          },
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
            render: (inStock: boolean) => (
              <Tag color={inStock ? 'green' : 'red'}>{t(inStock ? 'stock.IN_STOCK' : 'stock.OUT_OF_STOCK')}</Tag>
            ),
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
        ]}
      />
    </>
  );
}
