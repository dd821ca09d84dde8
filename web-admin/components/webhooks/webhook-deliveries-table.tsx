'use client';

import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { redeliverWebhook } from '@/app/(console)/webhooks/actions';
import type { WebhookAttemptError, WebhookDeliveryStatus, WebhookEventType } from '@/app/(console)/webhooks/webhooks.graphql';
import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';

import { useWebhookFeedback } from './webhook-feedback';

export interface AttemptRow {
  number: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  errorCode: WebhookAttemptError | null;
  responseSnippet: string | null;
}

/** A delivery as the log shows it; dates are formatted on the server. */
export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: WebhookAttemptError | null;
  url: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  attempts: AttemptRow[];
}

const statusColor: Record<WebhookDeliveryStatus, string> = { PENDING: 'blue', RETRYING: 'orange', DELIVERED: 'green', DEAD: 'red' };
const FILTERS = ['ALL', 'PENDING', 'RETRYING', 'DELIVERED', 'DEAD'] as const;

/** The delivery log: status filter (DEAD is the dead-letter list), attempts per delivery, redeliver. */
export function WebhookDeliveriesTable({ deliveries, status }: { deliveries: Connection<DeliveryRow>; status: WebhookDeliveryStatus | null }) {
  const t = useTranslations('webhooks');
  const router = useRouter();
  const pathname = usePathname();
  const { message } = App.useApp();
  const { report } = useWebhookFeedback();

  const redeliver = async (row: DeliveryRow) => {
    const result = await redeliverWebhook(row.id);
    if (!result.ok) return void report(result);
    void message.success(t('redelivered'));
    router.refresh();
  };
  const outcome = (statusCode: number | null, errorCode: WebhookAttemptError | null) =>
    [statusCode !== null ? `HTTP ${statusCode}` : null, errorCode ? t(`attemptErrors.${errorCode}`) : null].filter(Boolean).join(' · ');

  const columns: TableColumnsType<DeliveryRow> = [
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
    { key: 'eventType', title: t('columns.eventType'), render: (_, row) => t(`eventTypes.${row.eventType}`) },
    {
      key: 'eventId',
      title: t('columns.eventId'),
      render: (_, row) => (
        <Typography.Text code dir="ltr" copyable={{ text: row.eventId }}>
          {row.eventId.slice(0, 8)}
        </Typography.Text>
      ),
    },
    {
      key: 'url',
      title: t('columns.url'),
      render: (_, row) => (
        <Typography.Text dir="ltr" ellipsis style={{ maxWidth: 260 }}>
          {row.url}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('columns.status'),
      render: (_, row) => (
        <Tag color={statusColor[row.status]} data-testid="webhook-delivery-status">
          {t(`statuses.${row.status}`)}
        </Tag>
      ),
    },
    { key: 'attempts', dataIndex: 'attemptCount', title: t('columns.attempts') },
    { key: 'last', title: t('columns.lastOutcome'), render: (_, row) => outcome(row.lastStatusCode, row.lastError) },
    { key: 'next', title: t('columns.nextAttemptAt'), render: (_, row) => row.nextAttemptAt ?? '—' },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_, row) => (
        <Button size="small" icon={<RedoOutlined />} onClick={() => redeliver(row)} data-testid="webhook-redeliver">
          {t('redeliver')}
        </Button>
      ),
    },
  ];

  const attemptColumns: TableColumnsType<AttemptRow> = [
    { key: 'number', dataIndex: 'number', title: '#' },
    { key: 'startedAt', dataIndex: 'startedAt', title: t('columns.startedAt') },
    { key: 'durationMs', title: t('columns.duration'), render: (_, a) => t('milliseconds', { ms: a.durationMs }) },
    { key: 'outcome', title: t('columns.lastOutcome'), render: (_, a) => outcome(a.statusCode, a.errorCode) || t('attemptErrors.OK') },
    {
      key: 'snippet',
      title: t('columns.response'),
      render: (_, a) => (a.responseSnippet ? <Typography.Text code dir="auto">{a.responseSnippet}</Typography.Text> : null),
    },
  ];

  const filter = (value: (typeof FILTERS)[number]) => router.push(value === 'ALL' ? pathname : `${pathname}?status=${value}`);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 32 }}>
        {t('deliveries')}
      </Typography.Title>
      <Segmented
        value={status ?? 'ALL'}
        onChange={(value) => filter(value as (typeof FILTERS)[number])}
        options={FILTERS.map((value) => ({ value, label: value === 'ALL' ? t('statuses.ALL') : t(`statuses.${value}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="webhook-status-filter"
      />
      <ListTable<DeliveryRow>
        connection={deliveries}
        columns={columns}
        emptyText={t('noDeliveries')}
        rowData={(row) => ({ 'data-testid': 'webhook-delivery-row', 'data-status': row.status })}
        keep={{ status }}
        expandable={{
          rowExpandable: (row) => row.attempts.length > 0,
          expandedRowRender: (row) => <Table<AttemptRow> rowKey="number" size="small" pagination={false} columns={attemptColumns} dataSource={row.attempts} />,
        }}
      />
    </>
  );
}
