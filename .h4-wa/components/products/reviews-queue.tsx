'use client';

import { useState, type HTMLAttributes } from 'react';
import { CheckOutlined, CloseOutlined, MessageOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Rate, Segmented, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { moderateReview, replyToReview } from '@/app/(console)/products/reviews/actions';
import type { ReviewsQueueNode } from '@/app/(console)/products/reviews/reviews.graphql';
import { useMounted } from '@/components/shell/use-mounted';

import type { ReviewStatus } from './catalog-enums';
import { useCatalogFeedback } from './catalog-feedback';

const statusColors: Record<ReviewStatus, string> = { PENDING: 'gold', APPROVED: 'green', REJECTED: 'red' };

const rowProps = (row: ReviewsQueueNode): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'review-row', 'data-review-id': row.id, 'data-status': row.status }) as HTMLAttributes<HTMLElement>;

/** The moderation queue: one view per status (links), approve / reject / reply per review. */
export function ReviewsQueue({
  rows,
  status,
  canWrite,
}: {
  rows: ReviewsQueueNode[];
  status: ReviewStatus | 'all';
  canWrite: boolean;
}) {
  const t = useTranslations('reviews');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useCatalogFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<{ body: string }>();
  const [replying, setReplying] = useState<ReviewsQueueNode | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const moderate = async (row: ReviewsQueueNode, next: ReviewStatus) => {
    setBusy(row.id);
    const result = await moderateReview(row.id, next).finally(() => setBusy(null));
    if (!result.ok) return void report(result);
    void message.success(t(next === 'APPROVED' ? 'approved' : 'rejected'));
    router.refresh();
  };

  const reply = async ({ body }: { body: string }) => {
    if (!replying) return;
    setBusy(replying.id);
    const result = await replyToReview(replying.id, body?.trim() ?? '').finally(() => setBusy(null));
    if (!result.ok) return void report(result, form);
    void message.success(t('replied'));
    setReplying(null);
    router.refresh();
  };

  return (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text>{t('filter.label')}</Typography.Text>
        <Segmented<string>
          value={status}
          onChange={(value) => router.push(`?status=${value}`)}
          data-testid="review-status-filter"
          options={(['PENDING', 'APPROVED', 'REJECTED', 'all'] as const).map((value) => ({ value, label: t(`filter.${value}`) }))}
        />
      </Flex>
      <Table<ReviewsQueueNode>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          {
            key: 'product',
            title: t('columns.product'),
            render: (_: unknown, row) =>
              row.product ? <Link href={`/products/${encodeURIComponent(row.product.id)}`}>{row.product.title}</Link> : t('deletedProduct'),
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
            render: (value: ReviewStatus) => (
              <Tag color={statusColors[value]} data-testid="review-status">
                {t(`status.${value}`)}
              </Tag>
            ),
          },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_: unknown, row: ReviewsQueueNode) => (
                    <Space wrap>
                      {row.status !== 'APPROVED' && (
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          loading={busy === row.id}
                          onClick={() => moderate(row, 'APPROVED')}
                          data-testid="review-approve"
                        >
                          {t('approve')}
                        </Button>
                      )}
                      {row.status !== 'REJECTED' && (
                        <Button
                          size="small"
                          danger
                          icon={<CloseOutlined />}
                          loading={busy === row.id}
                          onClick={() => moderate(row, 'REJECTED')}
                          data-testid="review-reject"
                        >
                          {t('reject')}
                        </Button>
                      )}
                      <Button
                        size="small"
                        icon={<MessageOutlined />}
                        onClick={() => {
                          form.setFieldsValue({ body: row.reply ?? '' });
                          setReplying(row);
                        }}
                        data-testid="review-reply-open"
                      >
                        {t('reply')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mounted && canWrite && (
        <Modal
          open={replying !== null}
          title={t('replyTitle')}
          okText={tc('save')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'review-reply-form', loading: busy !== null, 'data-testid': 'review-reply-submit' } as ButtonProps}
          onCancel={() => setReplying(null)}
          forceRender
        >
          {replying && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
              {replying.body}
            </Typography.Paragraph>
          )}
          <Form form={form} id="review-reply-form" layout="vertical" onFinish={reply}>
            <Form.Item name="body" label={t('replyBody')} extra={t('replyHint')}>
              <Input.TextArea rows={4} data-testid="review-reply-body" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
