'use client';

import { CheckOutlined, CloseOutlined, MessageOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslations } from 'next-intl';

import type { ReviewsQueueNode } from '@/app/(console)/products/reviews/reviews.graphql';

import type { ReviewStatus } from './catalog-enums';

export interface ReviewHandlers {
  /** The review being moderated or answered, whose buttons spin. */
  busy: string | null;
  onModerate: (row: ReviewsQueueNode, next: ReviewStatus) => void;
  onReply: (row: ReviewsQueueNode) => void;
}

/** Approve and reject (unless it already is) and reply. */
export function ReviewActions({ row, busy, onModerate, onReply }: { row: ReviewsQueueNode } & ReviewHandlers) {
  const t = useTranslations('reviews');
  return (
    <Space wrap>
      {row.status !== 'APPROVED' && (
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === row.id} onClick={() => onModerate(row, 'APPROVED')} data-testid="review-approve">
          {t('approve')}
        </Button>
      )}
      {row.status !== 'REJECTED' && (
        <Button size="small" danger icon={<CloseOutlined />} loading={busy === row.id} onClick={() => onModerate(row, 'REJECTED')} data-testid="review-reject">
          {t('reject')}
        </Button>
      )}
      <Button size="small" icon={<MessageOutlined />} onClick={() => onReply(row)} data-testid="review-reply-open">
        {t('reply')}
      </Button>
    </Space>
  );
}
