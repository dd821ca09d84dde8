'use client';

import { useState } from 'react';
import { App, Flex, Segmented, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { moderateReview } from '@/app/(console)/products/reviews/actions';
import type { ReviewsQueueNode } from '@/app/(console)/products/reviews/reviews.graphql';
import { useListNavigation } from '@/components/list/list-navigation';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import type { ReviewStatus } from './catalog-enums';
import { useCatalogFeedback } from './catalog-feedback';
import { ReviewReplyModal } from './review-reply-modal';
import { useReviewColumns } from './reviews-columns';

/** `?status=`: the queue shown, which starts at its first page. */
function ReviewStatusFilter({ status }: { status: ReviewStatus | 'all' }) {
  const t = useTranslations('reviews');
  const { go } = useListNavigation();
  return (
    <Flex align="center" gap={8} style={{ width: '100%' }}>
      <Typography.Text>{t('filter.label')}</Typography.Text>
      <Segmented<string>
        value={status}
        onChange={(value) => go(new URLSearchParams({ status: value }))}
        data-testid="review-status-filter"
        options={(['PENDING', 'APPROVED', 'REJECTED', 'all'] as const).map((value) => ({ value, label: t(`filter.${value}`) }))}
      />
    </Flex>
  );
}

/** The moderation queue: one view per status, approve / reject / reply per review. */
export function ReviewsQueue({ reviews, status, canWrite }: { reviews: Connection<ReviewsQueueNode>; status: ReviewStatus | 'all'; canWrite: boolean }) {
  const t = useTranslations('reviews');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useCatalogFeedback();
  const mounted = useMounted();
  const [replying, setReplying] = useState<ReviewsQueueNode | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const moderate = async (row: ReviewsQueueNode, next: ReviewStatus) => {
    setBusy(row.id);
    const result = await moderateReview(row.id, next).finally(() => setBusy(null));
    if (!result.ok) return void report(result);
    void message.success(t(next === 'APPROVED' ? 'approved' : 'rejected'));
    router.refresh();
  };
  const columns = useReviewColumns(canWrite ? { busy, onModerate: moderate, onReply: setReplying } : null);

  return (
    <>
      <ListTable<ReviewsQueueNode>
        connection={reviews}
        keep={{ status }}
        columns={columns}
        emptyText={t('empty')}
        rowData={(row) => ({ 'data-testid': 'review-row', 'data-review-id': row.id, 'data-status': row.status })}
        scroll={undefined}
        toolbar={<ReviewStatusFilter status={status} />}
      />
      {mounted && canWrite && <ReviewReplyModal review={replying} onClose={() => setReplying(null)} />}
    </>
  );
}
