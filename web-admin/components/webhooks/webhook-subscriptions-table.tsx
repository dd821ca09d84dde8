'use client';

import { useState } from 'react';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { deleteWebhookSubscription, rotateWebhookSecret, setWebhookSubscriptionActive } from '@/app/(console)/webhooks/actions';
import type { WebhookEventType } from '@/app/(console)/webhooks/webhooks.graphql';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';

import { useWebhookFeedback } from './webhook-feedback';
import { WebhookSecretModal } from './webhook-secret-modal';
import { WebhookSubscriptionCreateModal } from './webhook-subscription-create-modal';

/** A subscription as the list shows it; the date is formatted on the server. */
export interface SubscriptionRow {
  id: string;
  url: string;
  description?: string | null;
  eventTypes: WebhookEventType[];
  active: boolean;
  ownedByApiKey: boolean;
  createdAt: string;
}

/** Subscriptions: create (the secret is shown once), pause or resume, rotate the secret, delete. */
export function WebhookSubscriptionsTable({ rows }: { rows: SubscriptionRow[] }) {
  const t = useTranslations('webhooks');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useWebhookFeedback();
  const mounted = useMounted();
  const [creating, setCreating] = useState(false);
  /** A new secret: held in this component's state only, gone on close or reload. */
  const [secret, setSecret] = useState<string | null>(null);

  const setActive = async (row: SubscriptionRow, active: boolean) => {
    const result = await setWebhookSubscriptionActive(row.id, active);
    if (!result.ok) return void report(result);
    router.refresh();
  };
  const rotate = async (row: SubscriptionRow) => {
    const result = await rotateWebhookSecret(row.id);
    if (!result.ok) return void report(result);
    setSecret(result.value.secret);
  };
  const remove = async (row: SubscriptionRow) => {
    const result = await deleteWebhookSubscription(row.id);
    if (!result.ok) return void report(result);
    void message.success(t('deleted'));
    router.refresh();
  };

  const columns: TableColumnsType<SubscriptionRow> = [
    {
      key: 'url',
      title: t('columns.url'),
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text code dir="ltr" style={{ wordBreak: 'break-all' }}>
            {row.url}
          </Typography.Text>
          {row.description && <Typography.Text type="secondary">{row.description}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'eventTypes',
      title: t('columns.eventTypes'),
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.eventTypes.map((type) => (
            <Tag key={type}>{t(`eventTypes.${type}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'owner', title: t('columns.owner'), render: (_, row) => (row.ownedByApiKey ? t('owner.apiKey') : t('owner.staff')) },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
    {
      key: 'active',
      title: t('columns.active'),
      render: (_, row) => <Switch checked={row.active} onChange={(on) => setActive(row, on)} aria-label={t('columns.active')} data-testid="webhook-active" />,
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_, row) => (
        <Space>
          <Popconfirm title={t('rotateTitle')} description={t('rotateDescription')} okText={t('rotate')} cancelText={tc('cancel')} onConfirm={() => rotate(row)}>
            <Button size="small" icon={<ReloadOutlined />} data-testid="webhook-rotate">
              {t('rotate')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('deleteTitle')}
            description={t('deleteDescription')}
            okText={t('delete')}
            okButtonProps={{ danger: true }}
            cancelText={tc('cancel')}
            onConfirm={() => remove(row)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="webhook-delete">
              {t('delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={4}>{t('subscriptions')}</Typography.Title>
      <ListTable<SubscriptionRow>
        rows={rows}
        columns={columns}
        emptyText={t('empty')}
        rowData={() => ({ 'data-testid': 'webhook-row' })}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
            {t('create')}
          </Button>
        }
      />
      {mounted && (
        <>
          <WebhookSubscriptionCreateModal open={creating} onClose={() => setCreating(false)} onCreated={setSecret} />
          <WebhookSecretModal secret={secret} onDone={() => setSecret(null)} />
        </>
      )}
    </>
  );
}
