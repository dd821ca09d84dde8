'use client';

import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { replyToReview } from '@/app/(console)/products/reviews/actions';
import type { ReviewsQueueNode } from '@/app/(console)/products/reviews/reviews.graphql';

import { useCatalogFeedback } from './catalog-feedback';

/** The shop's public reply to a review (`review`: null when closed). */
export function ReviewReplyModal({ review, onClose }: { review: ReviewsQueueNode | null; onClose: () => void }) {
  const t = useTranslations('reviews');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useCatalogFeedback();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (review) form.setFieldsValue({ body: review.reply ?? '' });
  }, [review, form]);

  const reply = async ({ body }: { body: string }) => {
    if (!review) return;
    setBusy(true);
    const result = await replyToReview(review.id, body?.trim() ?? '').finally(() => setBusy(false));
    if (!result.ok) return void report(result, form);
    void message.success(t('replied'));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={review !== null}
      title={t('replyTitle')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'review-reply-form', loading: busy, 'data-testid': 'review-reply-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      {review && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {review.body}
        </Typography.Paragraph>
      )}
      <Form form={form} id="review-reply-form" layout="vertical" onFinish={reply}>
        <Form.Item name="body" label={t('replyBody')} extra={t('replyHint')}>
          <Input.TextArea rows={4} data-testid="review-reply-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
