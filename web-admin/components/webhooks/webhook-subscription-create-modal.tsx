'use client';

import { useState } from 'react';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createWebhookSubscription } from '@/app/(console)/webhooks/actions';
import type { WebhookEventType } from '@/app/(console)/webhooks/webhooks.graphql';

import { useWebhookFeedback } from './webhook-feedback';

/** Every event type a partner may subscribe to (WebhookEventType), in the order the form lists them. */
export const EVENT_TYPES: readonly WebhookEventType[] = [
  'ORDER_CREATED',
  'ORDER_STATUS_CHANGED',
  'SHIPMENT_CREATED',
  'SHIPMENT_TRACKING_UPDATED',
  'SHIPMENT_DELIVERED',
  'DELIVERY_EXCEPTION_OPENED',
  'DELIVERY_EXCEPTION_RESOLVED',
  'AFTER_SALES_REQUESTED',
  'AFTER_SALES_STATUS_CHANGED',
  'AFTER_SALES_REFUNDED',
];

interface CreateValues {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
}

/** Subscribes a URL to event types; hands the new signing secret to `onCreated`. */
export function WebhookSubscriptionCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (secret: string) => void }) {
  const t = useTranslations('webhooks');
  const tc = useTranslations('common');
  const router = useRouter();
  const { report } = useWebhookFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ url, description, eventTypes }: CreateValues) => {
    setBusy(true);
    const result = await createWebhookSubscription({ url, description: description || null, eventTypes }).finally(() => setBusy(false));
    if (!result.ok) return void report(result, form);
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
      okButtonProps={{ htmlType: 'submit', form: 'webhook-form', loading: busy }}
      onCancel={onClose}
      width={640}
      forceRender
    >
      <Form form={form} id="webhook-form" layout="vertical" initialValues={{ eventTypes: [] }} onFinish={submit}>
        <Form.Item name="url" label={t('columns.url')} extra={t('urlHelp')} rules={[{ required: true, message: tc('required') }]}>
          {/* URLs read left to right in every language. */}
          <Input dir="ltr" inputMode="url" autoComplete="off" placeholder="https://" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="description" label={t('columns.description')}>
          <Input maxLength={200} autoComplete="off" data-testid="webhook-description" />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('columns.eventTypes')} rules={[{ required: true, message: tc('required') }]}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 8 }}
            options={EVENT_TYPES.map((type) => ({ value: type, label: t(`eventTypes.${type}`) }))}
            data-testid="webhook-event-types"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
