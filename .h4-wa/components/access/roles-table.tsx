'use client';

import { useState } from 'react';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createRole, updateRole } from '@/app/(console)/staff/roles/actions';
import type { RolesListNode, ScopeOption } from '@/app/(console)/staff/roles/roles.graphql';
import { useMounted } from '@/components/shell/use-mounted';

import { useActionFeedback } from './action-feedback';
import { ScopeChecklist } from './scope-checklist';
import { useStepUp } from './step-up';

interface RoleValues {
  name: string;
  title: string;
  scopes: string[];
}

export function RolesTable({
  roles,
  scopes,
  canManage,
}: {
  roles: RolesListNode[];
  scopes: ScopeOption[];
  canManage: boolean;
}) {
  const t = useTranslations('roles');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<RoleValues>();
  /** null: closed; 'new': creating; a role: editing it. */
  const [editing, setEditing] = useState<RolesListNode | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  const open = (role: RolesListNode | 'new') => {
    form.setFieldsValue(role === 'new' ? { name: '', title: '', scopes: [] } : role);
    setEditing(role);
  };

  const submit = async (values: RoleValues) => {
    if (!editing) return;
    setBusy(true);
    const result = await withStepUp(() =>
      editing === 'new' ? createRole(values) : updateRole(editing.id, values.title, values.scopes),
    ).finally(() => setBusy(false));
    if (!result.ok) return report(result, form, ['name', 'title', 'scopes']);
    void message.success(t('saved'));
    setEditing(null);
    router.refresh();
  };

  return (
    <>
      {canManage && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="role-create">
            {t('create')}
          </Button>
        </Flex>
      )}
      <Table<RolesListNode>
        rowKey="id"
        dataSource={roles}
        pagination={false}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'title', dataIndex: 'title', title: t('columns.title') },
          {
            key: 'name',
            dataIndex: 'name',
            title: t('columns.name'),
            render: (name: string) => <Typography.Text code>{name}</Typography.Text>,
          },
          {
            key: 'builtIn',
            dataIndex: 'builtIn',
            title: t('columns.kind'),
            render: (builtIn: boolean) =>
              builtIn ? <Tag>{t('builtIn')}</Tag> : <Tag color="purple">{t('custom')}</Tag>,
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
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_: unknown, role: RolesListNode) =>
                    role.builtIn ? null : (
                      <Button size="small" icon={<EditOutlined />} onClick={() => open(role)}>
                        {tc('edit')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {mounted && (
        <>
          <Modal
            open={editing !== null}
            title={editing === 'new' ? t('create') : t('edit')}
            okText={tc('save')}
            cancelText={tc('cancel')}
            okButtonProps={{ htmlType: 'submit', form: 'role-form', loading: busy }}
            onCancel={() => setEditing(null)}
            width={720}
            forceRender
          >
            <Form form={form} id="role-form" layout="vertical" onFinish={submit}>
              <Form.Item
                name="name"
                label={t('columns.name')}
                extra={t('nameHint')}
                rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t('nameHint') }]}
              >
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
        </>
      )}
    </>
  );
}
