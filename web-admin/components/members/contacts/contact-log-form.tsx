'use client';

import { Button, Form, Input, Select } from 'antd';
import { useTranslations } from 'next-intl';

import { FormErrors } from '@/components/shell/form-errors';
import { useMounted } from '@/components/shell/use-mounted';

import { contactChannels } from '../profile/member-enums';
import { useMemberAction } from '../profile/use-member-action';
import { logContact } from './actions';
import type { ContactChannel } from './contacts.graphql';

interface Values {
  channel: ContactChannel;
  summary: string;
  followUpOn?: string;
}

/** "Log a contact": how, what was said, and an optional follow-up day (today or later in the shop's time zone, `today`). */
export function ContactLogForm({ memberId, today }: { memberId: string; today: string }) {
  const t = useTranslations('memberDesk.contacts');
  const mounted = useMounted();
  const [form] = Form.useForm<Values>();
  const { run, busy, errors } = useMemberAction();

  const submit = async ({ channel, summary, followUpOn }: Values) => {
    const input = { memberId, channel, summary: summary.trim(), followUpOn: followUpOn || null };
    if (await run(() => logContact(input), form)) form.resetFields();
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'CALL' }} data-testid="contact-log-form" data-ready={mounted} style={{ maxWidth: 560 }}>
      <h3>{t('logTitle')}</h3>
      <FormErrors messages={errors} />
      <Form.Item name="channel" label={t('channel')} rules={[{ required: true }]}>
        <Select options={contactChannels.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))} data-testid="contact-channel" />
      </Form.Item>
      <Form.Item name="summary" label={t('summary')} rules={[{ required: true, whitespace: true, message: t('summaryRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="contact-summary" />
      </Form.Item>
      <Form.Item name="followUpOn" label={t('followUpOn')} extra={t('followUpHint')}>
        <Input type="date" min={today} dir="ltr" data-testid="contact-follow-up" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="contact-log-submit">
        {t('submit')}
      </Button>
    </Form>
  );
}
