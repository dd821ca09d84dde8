'use client';

import { useEffect, useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createRole, updateRole } from '@/app/(console)/staff/roles/actions';
import type { RolesListNode, ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';

import { useActionFeedback } from './action-feedback';
import { ScopeChecklist } from './scope-checklist';
import { useStepUp } from './step-up';

interface RoleValues {
  name: string;
  title: string;
  scopes: string[];
}

/** Creates a custom role or changes one (`editing`: null closed, 'new' creating, a role editing it). */
export function RoleModal({
  editing,
  onClose,
  scopes,
}: {
  editing: RolesListNode | 'new' | null;
  onClose: () => void;
  scopes: ScopeOption[];
}) {
  const t = useTranslations('roles');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const [form] = Form.useForm<RoleValues>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (editing) form.setFieldsValue(editing === 'new' ? { name: '', title: '', scopes: [] } : editing);
  }, [editing, form]);

  const submit = async (values: RoleValues) => {
    if (!editing) return;
    setBusy(true);
    const result = await withStepUp(() =>
      editing === 'new' ? createRole(values) : updateRole(editing.id, values.title, values.scopes),
    ).finally(() => setBusy(false));
    if (!result.ok) return report(result, form, ['name', 'title', 'scopes']);
    void message.success(t('saved'));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('create') : t('edit')}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'role-form', loading: busy }}
      onCancel={onClose}
      width={720}
      forceRender
    >
      <Form form={form} id="role-form" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('columns.name')} extra={t('nameHint')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t('nameHint') }]}>
          <Input disabled={editing !== 'new'} autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label={t('columns.title')} rules={[{ required: true, message: tc('required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="scopes" label={t('columns.scopes')} rules={[{ required: true, message: tc('required') }]}>
          <ScopeChecklist scopes={scopes} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
