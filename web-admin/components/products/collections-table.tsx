'use client';

import { useState, type HTMLAttributes } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Space, Table, type ButtonProps } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { deleteCollection, saveCollection } from '@/app/(console)/products/collections/actions';
import type { CollectionsListNode } from '@/app/(console)/products/collections/collections.graphql';
import { FormErrors } from '@/components/shell/form-errors';
import { useMounted } from '@/components/shell/use-mounted';

import { useCatalogFeedback } from './catalog-feedback';
import { RichTextEditor } from './rich-text-editor';

interface CollectionValues {
  title: string;
  handle?: string;
  descriptionHtml?: string;
}

const rowProps = (row: CollectionsListNode): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'collection-row', 'data-handle': row.handle }) as HTMLAttributes<HTMLElement>;

/** Collections with their product counts (linking to the filtered product list); CRUD with catalog:write. */
export function CollectionsTable({ rows, canWrite }: { rows: CollectionsListNode[]; canWrite: boolean }) {
  const t = useTranslations('collections');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message, modal } = App.useApp();
  const { report } = useCatalogFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<CollectionValues>();
  /** null: closed; 'new': create; a row: edit. */
  const [editing, setEditing] = useState<CollectionsListNode | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const open = (row: CollectionsListNode | 'new') => {
    setErrors([]);
    form.resetFields();
    if (row !== 'new') form.setFieldsValue({ title: row.title, handle: row.handle, descriptionHtml: row.descriptionHtml });
    setEditing(row);
  };

  const submit = async (values: CollectionValues) => {
    if (!editing) return;
    const handle = values.handle?.trim();
    const input = { title: values.title.trim(), descriptionHtml: values.descriptionHtml ?? '', ...(handle ? { handle } : {}) };
    setBusy(true);
    const result = await saveCollection(editing === 'new' ? null : editing.id, input).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t(editing === 'new' ? 'created' : 'saved'));
    setEditing(null);
    router.refresh();
  };

  const remove = (row: CollectionsListNode) =>
    modal.confirm({
      title: t('deleteTitle', { title: row.title }),
      content: t('deleteConfirm'),
      okText: t('delete'),
      okButtonProps: { danger: true, 'data-testid': 'collection-delete-confirm' } as ButtonProps,
      cancelText: tc('cancel'),
      onOk: async () => {
        const result = await deleteCollection(row.id);
        if (!result.ok) return void report(result);
        void message.success(t('deleted'));
        router.refresh();
      },
    });

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="collection-create">
            {t('create')}
          </Button>
        </Flex>
      )}
      <Table<CollectionsListNode>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'title', dataIndex: 'title', title: t('columns.title') },
          { key: 'handle', dataIndex: 'handle', title: t('columns.handle'), render: (h: string) => <span dir="ltr">{h}</span> },
          {
            key: 'products',
            title: t('columns.products'),
            render: (_: unknown, row) => (
              <Link href={`/products?collection=${encodeURIComponent(row.id)}`}>
                {t('viewProducts', { count: row.products.totalCount })}
              </Link>
            ),
          },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_: unknown, row: CollectionsListNode) => (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => open(row)} data-testid="collection-edit">
                        {tc('edit')}
                      </Button>
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(row)} data-testid="collection-delete">
                        {t('delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mounted && canWrite && (
        <Modal
          open={editing !== null}
          title={editing === 'new' ? t('create') : editing ? t('editTitle', { title: editing.title }) : ''}
          okText={tc('save')}
          cancelText={tc('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'collection-form', loading: busy, 'data-testid': 'collection-submit' } as ButtonProps}
          onCancel={() => setEditing(null)}
          width={640}
          forceRender
        >
          <FormErrors messages={errors} />
          <Form form={form} id="collection-form" layout="vertical" onFinish={submit}>
            <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, message: tc('required') }]}>
              <Input autoComplete="off" data-testid="collection-title" />
            </Form.Item>
            <Form.Item name="handle" label={t('fields.handle')} extra={t('fields.handleHint')}>
              <Input autoComplete="off" dir="ltr" data-testid="collection-handle" />
            </Form.Item>
            <Form.Item name="descriptionHtml" label={t('fields.description')}>
              <RichTextEditor key={editing === 'new' ? 'new' : (editing?.id ?? 'closed')} testId="collection-description" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
