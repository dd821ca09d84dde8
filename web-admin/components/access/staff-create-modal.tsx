'use client';

import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createStaff } from '@/app/(console)/staff/actions';
import { localeNames, locales } from '@/i18n/config';

import { useActionFeedback } from './action-feedback';
import { useStepUp } from './step-up';

interface CreateValues {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  locale: string;
}

/** Creates a staff account with roles and a first password (a step-up first). */
export function StaffCreateModal({
  open,
  onClose,
  roleOptions,
}: {
  open: boolean;
  onClose: () => void;
  roleOptions: { value: string; label: string }[];
}) {
  const t = useTranslations('staff');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    const result = await withStepUp(() => createStaff(values)).finally(() => setBusy(false));
    if (!result.ok) return report(result, form, ['email', 'displayName', 'password', 'roles', 'locale']);
    void message.success(t('created'));
    onClose();
    form.resetFields();
    router.refresh();
  };

  return (
    <Modal
      open={open}
      title={t('create')}
      okText={t('createSubmit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'staff-create-form', loading: busy }}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} id="staff-create-form" layout="vertical" initialValues={{ roles: [], locale: 'en' }} onFinish={submit}>
        <Form.Item name="displayName" label={t('columns.displayName')} rules={[{ required: true, message: tc('required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('columns.email')} rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('password')} extra={t('passwordHint')} rules={[{ required: true, min: 12, message: t('passwordHint') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('columns.roles')} rules={[{ required: true, message: tc('required') }]}>
          <Select mode="multiple" options={roleOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="locale" label={t('locale')}>
          <Select options={locales.map((value) => ({ value, label: localeNames[value] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
