'use client';

import type { HTMLAttributes } from 'react';
import { Empty, Table, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** A segment as the list shows it; texts are formatted on the server in the request's locale. */
export interface SegmentListRow {
  id: string;
  name: string;
  description: string | null;
  size: string;
  refreshedAt: string | null;
}

const rowProps = (): HTMLAttributes<HTMLElement> => ({ 'data-testid': 'segment-row' }) as HTMLAttributes<HTMLElement>;

export function SegmentsTable({ rows }: { rows: SegmentListRow[] }) {
  const t = useTranslations('segments');
  return (
    <Table<SegmentListRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={rowProps}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        {
          key: 'name',
          title: t('columns.name'),
          render: (_, row) => (
            <>
              <Link href={`/members/segments/${row.id}`} data-testid="segment-link">{row.name}</Link>
              {row.description && <Typography.Text type="secondary" style={{ display: 'block' }}>{row.description}</Typography.Text>}
            </>
          ),
        },
        { key: 'size', title: t('columns.size'), align: 'end', render: (_, row) => <span data-testid="segment-size">{row.size}</span> },
        {
          key: 'refreshedAt',
          title: t('columns.refreshedAt'),
          render: (_, row) => row.refreshedAt ?? <Typography.Text type="secondary">{t('notRefreshed')}</Typography.Text>,
        },
      ]}
    />
  );
}
