'use client';

import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createApiKey } from '@/app/(console)/api-keys/actions';
import type { ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';

import { useActionFeedback } from './action-feedback';
import { ScopeChecklist } from './scope-checklist';
import { useStepUp } from './step-up';

interface CreateValues {
  name: string;
  scopes: string[];
  /** Days until expiry; 0 = never. */
  lifetime: number;
}

const lifetimes = [30, 90, 365, 0] as const;
const dayMs = 24 * 60 * 60 * 1000;

/** Creates a key with a name, a lifetime and scopes; hands the new secret to `onCreated`. */
export function ApiKeyCreateModal({
  open,
  onClose,
  onCreated,
  scopes,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
  scopes: ScopeOption[];
}) {
  const t = useTranslations('apiKeys');
  const tc = useTranslations('common');
  const router = useRouter();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ name, scopes: chosen, lifetime }: CreateValues) => {
    setBusy(true);
    const expiresAt = lifetime ? new Date(Date.now() + lifetime * dayMs).toISOString() : null;
    const result = await withStepUp(() => createApiKey({ name, scopes: chosen, expiresAt })).finally(() => setBusy(false));
    if (!result.ok) return report(result, form, ['name', 'scopes', 'expiresAt']);
    onClose();
    form.resetFields();
    onCreated(result.value.secret);
    router.refresh();
  };

  return (
    <Modal
      open={open}
      title={t('create')}
      okText={t('createSubmit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'api-key-form', loading: busy }}
      onCancel={onClose}
      width={720}
      forceRender
    >
      <Form form={form} id="api-key-form" layout="vertical" initialValues={{ scopes: [], lifetime: 90 }} onFinish={submit}>
        <Form.Item name="name" label={t('columns.name')} rules={[{ required: true, message: tc('required') }]}>
          <Input autoComplete="off" data-testid="api-key-name" />
        </Form.Item>
        <Form.Item name="lifetime" label={t('columns.expiresAt')}>
          <Select options={lifetimes.map((days) => ({ value: days, label: days ? t('lifetimeDays', { days }) : t('noExpiry') }))} />
        </Form.Item>
        <Form.Item name="scopes" label={t('columns.scopes')} rules={[{ required: true, message: tc('required') }]}>
          <ScopeChecklist scopes={scopes} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
