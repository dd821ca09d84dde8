'use client';

import { Flex, Rate, Tag, Typography, type TableColumnsType } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { ReviewsQueueNode } from '@/app/(console)/products/reviews/reviews.graphql';

import type { ReviewStatus } from './catalog-enums';
import { ReviewActions, type ReviewHandlers } from './review-actions';

const statusColors: Record<ReviewStatus, string> = { PENDING: 'gold', APPROVED: 'green', REJECTED: 'red' };

/** The review queue's columns; the actions column only with catalog:write. */
export function useReviewColumns(handlers: ReviewHandlers | null): TableColumnsType<ReviewsQueueNode> {
  const t = useTranslations('reviews');
  return [
    {
      key: 'product',
      title: t('columns.product'),
      render: (_: unknown, row) => (row.product ? <Link href={`/products/${encodeURIComponent(row.product.id)}`}>{row.product.title}</Link> : t('deletedProduct')),
    },
    {
      key: 'rating',
      dataIndex: 'rating',
      title: t('columns.rating'),
      render: (rating: number) => (
        <span aria-label={t('stars', { count: rating })}>
          <Rate disabled value={rating} style={{ fontSize: 14 }} />
        </span>
      ),
    },
    {
      key: 'review',
      title: t('columns.review'),
      render: (_: unknown, row) => (
        <Flex vertical gap={4} style={{ maxWidth: 480 }}>
          {row.title && <Typography.Text strong>{row.title}</Typography.Text>}
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
            {row.body}
          </Typography.Paragraph>
          {row.reply && (
            <Typography.Text type="secondary" data-testid="review-reply">
              {t('shopReply')}: {row.reply}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('columns.status'),
      render: (value: ReviewStatus) => <Tag color={statusColors[value]} data-testid="review-status">{t(`status.${value}`)}</Tag>,
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
    ...(handlers ? [{ key: 'actions', title: t('columns.actions'), render: (_: unknown, row: ReviewsQueueNode) => <ReviewActions row={row} {...handlers} /> }] : []),
  ];
}
