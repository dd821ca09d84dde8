'use client';

import { useState, type HTMLAttributes } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createApiKey, revokeApiKey } from '@/app/(console)/api-keys/actions';
import type { ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';
import { useMounted } from '@/components/shell/use-mounted';

import { useActionFeedback } from './action-feedback';
import { ScopeChecklist } from './scope-checklist';
import { useStepUp } from './step-up';

/** A key as the list shows it; dates are formatted on the server (null: never / not). */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  expired: boolean;
}

interface CreateValues {
  name: string;
  scopes: string[];
  /** Days until expiry; 0 = never. */
  lifetime: number;
}

const lifetimes = [30, 90, 365, 0] as const;
const dayMs = 24 * 60 * 60 * 1000;

const rowProps = (): HTMLAttributes<HTMLElement> => ({ 'data-testid': 'api-key-row' }) as HTMLAttributes<HTMLElement>;

export function ApiKeysTable({ rows, scopes }: { rows: ApiKeyRow[]; scopes: ScopeOption[] }) {
  const t = useTranslations('apiKeys');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<CreateValues>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The new key's secret: held in this component's state only, gone on close or reload. */
  const [secret, setSecret] = useState<string | null>(null);

  const submit = async ({ name, scopes: chosen, lifetime }: CreateValues) => {
    setBusy(true);
    const expiresAt = lifetime ? new Date(Date.now() + lifetime * dayMs).toISOString() : null;
    const result = await withStepUp(() => createApiKey({ name, scopes: chosen, expiresAt })).finally(() =>
      setBusy(false),
    );
    if (!result.ok) return report(result, form, ['name', 'scopes', 'expiresAt']);
    setCreating(false);
    form.resetFields();
    setSecret(result.value.secret);
    router.refresh();
  };

  const revoke = async (row: ApiKeyRow) => {
    const result = await withStepUp(() => revokeApiKey(row.id));
    if (!result.ok) return report(result);
    void message.success(t('revoked', { name: row.name }));
    router.refresh();
  };

  const status = (row: ApiKeyRow) => {
    if (row.revokedAt) return <Tag color="red">{t('status.revoked', { at: row.revokedAt })}</Tag>;
    if (row.expired) return <Tag>{t('status.expired')}</Tag>;
    return <Tag color="green">{t('status.active')}</Tag>;
  };

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-key-create">
          {t('create')}
        </Button>
      </Flex>
      <Table<ApiKeyRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('columns.name') },
          {
            key: 'prefix',
            dataIndex: 'prefix',
            title: t('columns.prefix'),
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          {
            key: 'scopes',
            dataIndex: 'scopes',
            title: t('columns.scopes'),
            render: (list: string[]) => (
              <Space size={[0, 4]} wrap>
                {list.map((scope) => (
                  <Tag key={scope}>{scope}</Tag>
                ))}
              </Space>
            ),
          },
          { key: 'lastUsedAt', dataIndex: 'lastUsedAt', title: t('columns.lastUsedAt'), render: (at: string | null) => at ?? t('never') },
          { key: 'expiresAt', dataIndex: 'expiresAt', title: t('columns.expiresAt'), render: (at: string | null) => at ?? t('noExpiry') },
          { key: 'status', title: t('columns.status'), render: (_: unknown, row: ApiKeyRow) => status(row) },
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, row: ApiKeyRow) => (
              <Popconfirm
                title={t('revokeTitle', { name: row.name })}
                description={t('revokeDescription')}
                okText={t('revoke')}
                okButtonProps={{ danger: true }}
                cancelText={tc('cancel')}
                onConfirm={() => revoke(row)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} disabled={!!row.revokedAt} data-testid="api-key-revoke">
                  {t('revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {mounted && (
        <>
          <Modal
            open={creating}
            title={t('create')}
            okText={t('createSubmit')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'api-key-form', loading: busy }}
            onCancel={() => setCreating(false)}
            width={720}
            forceRender
          >
            <Form form={form} id="api-key-form" layout="vertical" initialValues={{ scopes: [], lifetime: 90 }} onFinish={submit}>
              <Form.Item name="name" label={t('columns.name')} rules={[{ required: true, message: tc('required') }]}>
                <Input autoComplete="off" data-testid="api-key-name" />
              </Form.Item>
              <Form.Item name="lifetime" label={t('columns.expiresAt')}>
                <Select
                  options={lifetimes.map((days) => ({
                    value: days,
                    label: days ? t('lifetimeDays', { days }) : t('noExpiry'),
                  }))}
                />
              </Form.Item>
              <Form.Item name="scopes" label={t('columns.scopes')} rules={[{ required: true, message: tc('required') }]}>
                <ScopeChecklist scopes={scopes} />
              </Form.Item>
            </Form>
          </Modal>
          <Modal
            open={secret !== null}
            title={t('secretTitle')}
            closable={false}
            mask={{ closable: false }}
            keyboard={false}
            cancelButtonProps={{ style: { display: 'none' } }}
            okText={t('secretDone')}
            onOk={() => setSecret(null)}
            destroyOnHidden
          >
            <Alert type="warning" showIcon title={t('secretWarning')} style={{ marginBottom: 16 }} />
            <Typography.Paragraph
              copyable={{ text: secret ?? '', tooltips: [tc('copy'), tc('copied')] }}
              code
              data-testid="api-key-secret"
              style={{ wordBreak: 'break-all', fontSize: 15 }}
            >
              {secret}
            </Typography.Paragraph>
          </Modal>
        </>
      )}
    </>
  );
}
