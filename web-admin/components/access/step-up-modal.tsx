'use client';

import { useState } from 'react';
import { SafetyOutlined } from '@ant-design/icons';
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { confirmStepUp } from '@/app/(console)/actions';

/** Asks for the password again; `onDone(true)` once stepUpConfirm accepted it, `onDone(false)` on cancel. */
export function StepUpModal({ open, onDone }: { open: boolean; onDone: (confirmed: boolean) => void }) {
  const t = useTranslations('stepUp');
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);

  const finish = (confirmed: boolean) => {
    form.resetFields();
    onDone(confirmed);
  };

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      const result = await confirmStepUp(password);
      if (result.ok) return finish(true);
      form.setFields([{ name: 'password', errors: [result.reason === 'USER_ERRORS' ? t('wrongPassword') : t('failed')] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        <span>
          <SafetyOutlined /> {t('title')}
        </span>
      }
      okText={t('confirm')}
      okButtonProps={{ htmlType: 'submit', form: 'step-up-form', loading: busy, 'data-testid': 'step-up-confirm' } as ButtonProps}
      onCancel={() => finish(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('description')}</Typography.Paragraph>
      <Form form={form} id="step-up-form" layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoFocus autoComplete="current-password" data-testid="step-up-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
