'use client';

import { useState, type HTMLAttributes } from 'react';
import { EditOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createStaff, disableStaff, updateStaffRoles } from '@/app/(console)/staff/actions';
import type { StaffRoleOption } from '@/app/(console)/staff/staff.graphql';
import { localeNames, locales } from '@/i18n/config';
import { useMounted } from '@/components/shell/use-mounted';

import { useActionFeedback } from './action-feedback';
import { useStepUp } from './step-up';

/** A staff account as the list shows it; dates are formatted on the server. */
export interface StaffRow {
  id: string;
  displayName: string;
  email: string | null;
  roles: { name: string; title: string }[];
  disabled: boolean;
  lastLoginAt: string | null;
  /** The viewer's own account (cannot be disabled from here). */
  self: boolean;
}

interface CreateValues {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  locale: string;
}

const rowProps = (): HTMLAttributes<HTMLElement> => ({ 'data-testid': 'staff-row' }) as HTMLAttributes<HTMLElement>;

export function StaffTable({
  rows,
  roles,
  canManage,
}: {
  rows: StaffRow[];
  roles: StaffRoleOption[];
  canManage: boolean;
}) {
  const t = useTranslations('staff');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const mounted = useMounted();
  const [createForm] = Form.useForm<CreateValues>();
  const [rolesForm] = Form.useForm<{ roles: string[] }>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffRow | null>(null);
  const [busy, setBusy] = useState(false);
  const roleOptions = roles.map((role) => ({ value: role.name, label: role.title }));

  const submitCreate = async (values: CreateValues) => {
    setBusy(true);
    const result = await withStepUp(() => createStaff(values)).finally(() => setBusy(false));
    if (!result.ok) return report(result, createForm, ['email', 'displayName', 'password', 'roles', 'locale']);
    void message.success(t('created'));
    setCreating(false);
    createForm.resetFields();
    router.refresh();
  };

  const submitRoles = async ({ roles: names }: { roles: string[] }) => {
    if (!editing) return;
    setBusy(true);
    const result = await withStepUp(() => updateStaffRoles(editing.id, names)).finally(() => setBusy(false));
    if (!result.ok) return report(result, rolesForm, ['roles']);
    void message.success(t('rolesSaved'));
    setEditing(null);
    router.refresh();
  };

  const disable = async (row: StaffRow) => {
    const result = await withStepUp(() => disableStaff(row.id));
    if (!result.ok) return report(result);
    void message.success(t('disabledDone', { name: row.displayName }));
    router.refresh();
  };

  return (
    <>
      {canManage && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="staff-create">
            {t('create')}
          </Button>
        </Flex>
      )}
      <Table<StaffRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'displayName', dataIndex: 'displayName', title: t('columns.displayName') },
          { key: 'email', dataIndex: 'email', title: t('columns.email'), render: (email: string | null) => email ?? tc('none') },
          {
            key: 'roles',
            dataIndex: 'roles',
            title: t('columns.roles'),
            render: (list: StaffRow['roles']) => (
              <Space size={[0, 4]} wrap>
                {list.map((role) => (
                  <Tag key={role.name} color={role.name === 'owner' ? 'gold' : 'blue'}>
                    {role.title}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'disabled',
            dataIndex: 'disabled',
            title: t('columns.status'),
            render: (disabled: boolean) =>
              disabled ? <Tag color="red">{t('status.disabled')}</Tag> : <Tag color="green">{t('status.active')}</Tag>,
          },
          {
            key: 'lastLoginAt',
            dataIndex: 'lastLoginAt',
            title: t('columns.lastLoginAt'),
            render: (at: string | null) => at ?? t('never'),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_: unknown, row: StaffRow) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        disabled={row.disabled}
                        onClick={() => {
                          rolesForm.setFieldsValue({ roles: row.roles.map((role) => role.name) });
                          setEditing(row);
                        }}
                      >
                        {t('editRoles')}
                      </Button>
                      <Popconfirm
                        title={t('disableTitle', { name: row.displayName })}
                        description={t('disableDescription')}
                        okText={t('disable')}
                        okButtonProps={{ danger: true }}
                        cancelText={tc('cancel')}
                        onConfirm={() => disable(row)}
                      >
                        <Button size="small" danger icon={<StopOutlined />} disabled={row.disabled || row.self}>
                          {t('disable')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mounted && (
        <>
          <Modal
            open={creating}
            title={t('create')}
            okText={t('createSubmit')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'staff-create-form', loading: busy }}
            onCancel={() => setCreating(false)}
            forceRender
          >
            <Form
              form={createForm}
              id="staff-create-form"
              layout="vertical"
              initialValues={{ roles: [], locale: 'en' }}
              onFinish={submitCreate}
            >
              <Form.Item name="displayName" label={t('columns.displayName')} rules={[{ required: true, message: tc('required') }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="email" label={t('columns.email')} rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
                <Input type="email" autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('password')}
                extra={t('passwordHint')}
                rules={[{ required: true, min: 12, message: t('passwordHint') }]}
              >
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
          <Modal
            open={editing !== null}
            title={editing ? t('editRolesOf', { name: editing.displayName }) : ''}
            okText={tc('save')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'staff-roles-form', loading: busy }}
            onCancel={() => setEditing(null)}
            forceRender
          >
            <Form form={rolesForm} id="staff-roles-form" layout="vertical" onFinish={submitRoles}>
              <Form.Item name="roles" label={t('columns.roles')} rules={[{ required: true, message: tc('required') }]}>
                <Select mode="multiple" options={roleOptions} optionFilterProp="label" />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </>
  );
}
