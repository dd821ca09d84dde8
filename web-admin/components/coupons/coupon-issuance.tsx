'use client';

import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Progress, Select, Table, Tag, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { generateCodes, issueToSegment } from '@/app/(console)/coupons/actions';
import type { CouponBatchKind, CouponBatchStatus } from '@/app/(console)/coupons/coupons.graphql';
import type { ActionResult } from '@/lib/mutation';

import { errorKey } from './error-keys';

/** A batch as the panel shows it; the date is formatted on the server. */
export interface BatchRow {
  id: string;
  kind: CouponBatchKind;
  status: CouponBatchStatus;
  requested: number;
  done: number;
  skipped: number;
  createdAt: string;
  downloadUrl: string | null;
}

/** The console's path for a batch's signed gateway link: the browser downloads through the console, which adds the session. */
function downloadHref(gatewayPath: string): string | null {
  const url = new URL(gatewayPath, 'http://gateway');
  const id = /^\/exports\/coupons\/batches\/([0-9a-f-]{36})\.csv$/.exec(url.pathname)?.[1];
  return id ? `/coupons/codes/${id}${url.search}` : null;
}

const statusColors: Record<CouponBatchStatus, string> = { PENDING: 'default', RUNNING: 'blue', DONE: 'green', FAILED: 'red' };

/**
 * Handing a coupon out: push it to a segment (a segment picker), generate codes
 * in bulk; each job's progress refreshes while it runs, and a finished code
 * batch downloads as CSV.
 */
export function CouponIssuance({ couponId, batches, segments, editable }: {
  couponId: string;
  batches: BatchRow[];
  segments: { id: string; name: string; size: number }[];
  editable: boolean;
}) {
  const t = useTranslations('coupons');
  const router = useRouter();
  const { message } = App.useApp();
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [count, setCount] = useState<number | null>(100);
  const [prefix, setPrefix] = useState('');
  const running = batches.some((b) => b.status === 'PENDING' || b.status === 'RUNNING');

  // Progress: the server renders the batches; refresh while any still runs.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);

  const started = (result: ActionResult<string>, done: string) => {
    if (result.ok) {
      void message.success(t(done as 'issuance.pushed'));
      router.refresh();
    } else if (result.reason === 'USER_ERRORS') void message.error(t(errorKey(result.userErrors[0]!.code)));
    else void message.error(t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  return (
    <Card title={t('issuance.title')} style={{ marginTop: 16 }}>
      {editable && (
        <Flex gap={24} wrap style={{ marginBottom: 16 }}>
          <Flex gap={8} align="end">
            <div>
              <Typography.Text>{t('issuance.segment')}</Typography.Text>
              <Select
                style={{ display: 'block', minWidth: 260 }}
                placeholder={t('issuance.segmentPlaceholder')}
                value={segmentId}
                onChange={setSegmentId}
                options={segments.map((s) => ({ value: s.id, label: t('issuance.segmentSize', { name: s.name, size: s.size }) }))}
                data-testid="issue-segment"
              />
            </div>
            <Button disabled={!segmentId} onClick={async () => started(await issueToSegment(couponId, segmentId!), 'issuance.pushed')}>
              {t('issuance.push')}
            </Button>
          </Flex>
          <Flex gap={8} align="end">
            <div>
              <Typography.Text>{t('issuance.count')}</Typography.Text>
              <InputNumber style={{ display: 'block' }} min={1} max={100_000} value={count} onChange={setCount} data-testid="codes-count" />
            </div>
            <div>
              <Typography.Text>{t('issuance.prefix')}</Typography.Text>
              <Input style={{ display: 'block', width: 120 }} maxLength={8} value={prefix} onChange={(e) => setPrefix(e.target.value.toUpperCase())} />
            </div>
            <Button disabled={!count} onClick={async () => started(await generateCodes(couponId, count!, prefix), 'issuance.generated')} data-testid="codes-generate">
              {t('issuance.generate')}
            </Button>
          </Flex>
        </Flex>
      )}
      <Table<BatchRow>
        rowKey="id"
        size="small"
        dataSource={batches}
        pagination={false}
        locale={{ emptyText: t('issuance.none') }}
        columns={[
          { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.startsAt') },
          { key: 'kind', dataIndex: 'kind', title: t('columns.kind'), render: (kind: CouponBatchKind) => t(`batchKind.${kind}`) },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('columns.status'),
            render: (status: CouponBatchStatus) => <Tag color={statusColors[status]}>{t(`batchStatus.${status}`)}</Tag>,
          },
          {
            key: 'progress',
            title: t('issuance.batches'),
            render: (_, b) => (
              <Flex vertical>
                {b.kind === 'CODES' && <Progress percent={b.requested ? Math.floor((b.done * 100) / b.requested) : 0} size="small" />}
                <Typography.Text type="secondary">{t('issuance.progress', { done: b.done, requested: b.requested })}</Typography.Text>
                {b.skipped > 0 && <Typography.Text type="secondary">{t('issuance.skipped', { count: b.skipped })}</Typography.Text>}
              </Flex>
            ),
          },
          {
            key: 'download',
            title: '',
            render: (_, b) => {
              const href = b.downloadUrl ? downloadHref(b.downloadUrl) : null;
              return href ? <a href={href} data-testid="codes-download">{t('issuance.download')}</a> : null;
            },
          },
        ]}
      />
    </Card>
  );
}
