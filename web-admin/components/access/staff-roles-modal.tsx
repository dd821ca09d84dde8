'use client';

import { useEffect, useState } from 'react';
import { App, Form, Modal, Select } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { updateStaffRoles } from '@/app/(console)/staff/actions';

import { useActionFeedback } from './action-feedback';
import type { StaffRow } from './staff-columns';
import { useStepUp } from './step-up';

/** Changes the roles of one staff account (`staff`: the account, null: closed). */
export function StaffRolesModal({
  staff,
  onClose,
  roleOptions,
}: {
  staff: StaffRow | null;
  onClose: () => void;
  roleOptions: { value: string; label: string }[];
}) {
  const t = useTranslations('staff');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const [form] = Form.useForm<{ roles: string[] }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (staff) form.setFieldsValue({ roles: staff.roles.map((role) => role.name) });
  }, [staff, form]);

  const submit = async ({ roles }: { roles: string[] }) => {
    if (!staff) return;
    setBusy(true);
    const result = await withStepUp(() => updateStaffRoles(staff.id, roles)).finally(() => setBusy(false));
    if (!result.ok) return report(result, form, ['roles']);
    void message.success(t('rolesSaved'));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={staff !== null}
      title={staff ? t('editRolesOf', { name: staff.displayName }) : ''}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'staff-roles-form', loading: busy }}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} id="staff-roles-form" layout="vertical" onFinish={submit}>
        <Form.Item name="roles" label={t('columns.roles')} rules={[{ required: true, message: tc('required') }]}>
          <Select mode="multiple" options={roleOptions} optionFilterProp="label" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
