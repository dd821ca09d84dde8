'use client';

import type { HTMLAttributes } from 'react';
import { Empty, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** An article as the list shows it; dates are formatted on the server in the request's locale. */
export interface ArticleListRow {
  id: string;
  title: string;
  slug: string;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  live: boolean;
  publishedAt: string | null;
  updatedAt: string;
}

const rowProps = (): HTMLAttributes<HTMLElement> => ({ 'data-testid': 'article-row' }) as HTMLAttributes<HTMLElement>;

export function ArticlesTable({ rows }: { rows: ArticleListRow[] }) {
  const t = useTranslations('content');
  return (
    <Table<ArticleListRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={rowProps}
      locale={{ emptyText: <Empty description={t('emptyArticles')} /> }}
      columns={[
        {
          key: 'title',
          title: t('columns.title'),
          render: (_, row) => (
            <>
              <Link href={`/content/articles/${row.id}`} data-testid="article-link">{row.title}</Link>
              <Typography.Text type="secondary" style={{ display: 'block' }} dir="ltr">/{row.slug}</Typography.Text>
            </>
          ),
        },
        {
          key: 'status',
          title: t('columns.status'),
          render: (_, row) => (
            <Tag color={row.live ? 'green' : row.status === 'PUBLISHED' ? 'blue' : 'default'} data-testid="article-status">
              {row.status === 'PUBLISHED' && !row.live ? t('status.SCHEDULED') : t(`status.${row.status}`)}
            </Tag>
          ),
        },
        { key: 'publishedAt', title: t('columns.publishedAt'), render: (_, row) => row.publishedAt ?? '—' },
        { key: 'updatedAt', title: t('columns.updatedAt'), render: (_, row) => row.updatedAt },
      ]}
    />
  );
}
