'use client';

import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { saveCollection } from '@/app/(console)/products/collections/actions';
import type { CollectionsListNode } from '@/app/(console)/products/collections/collections.graphql';
import { FormErrors } from '@/components/shell/form-errors';

import { useCatalogFeedback } from './catalog-feedback';
import { RichTextEditor } from './rich-text-editor';

interface CollectionValues {
  title: string;
  handle?: string;
  descriptionHtml?: string;
}

/** Creates a collection or edits one (`editing`: null closed, 'new' creating, a row editing it). */
export function CollectionModal({ editing, onClose }: { editing: CollectionsListNode | 'new' | null; onClose: () => void }) {
  const t = useTranslations('collections');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useCatalogFeedback();
  const [form] = Form.useForm<CollectionValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!editing) return;
    setErrors([]);
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ title: editing.title, handle: editing.handle, descriptionHtml: editing.descriptionHtml });
  }, [editing, form]);

  const submit = async (values: CollectionValues) => {
    if (!editing) return;
    const handle = values.handle?.trim();
    const input = { title: values.title.trim(), descriptionHtml: values.descriptionHtml ?? '', ...(handle ? { handle } : {}) };
    setBusy(true);
    const result = await saveCollection(editing === 'new' ? null : editing.id, input).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t(editing === 'new' ? 'created' : 'saved'));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('create') : editing ? t('editTitle', { title: editing.title }) : ''}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'collection-form', loading: busy, 'data-testid': 'collection-submit' } as ButtonProps}
      onCancel={onClose}
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
  );
}
