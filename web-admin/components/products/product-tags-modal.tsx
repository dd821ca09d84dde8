'use client';

import { useEffect, useState } from 'react';
import { App, Form, Modal, Select, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { changeProductTags } from '@/app/(console)/products/actions';

import { useCatalogFeedback } from './catalog-feedback';

/** Adds tags to or removes them from the selected products (`change`: null when closed). */
export function ProductTagsModal({
  change,
  selected,
  onClose,
  onDone,
}: {
  change: 'add' | 'remove' | null;
  selected: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslations('products.bulk');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useCatalogFeedback();
  const [form] = Form.useForm<{ tags: string[] }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (change) form.resetFields();
  }, [change, form]);

  const submit = async ({ tags }: { tags: string[] }) => {
    if (!change) return;
    setBusy(true);
    const result = await changeProductTags(change, selected, tags).finally(() => setBusy(false));
    if (!result.ok) return void report(result, form);
    void message.success(t(change === 'add' ? 'tagsAdded' : 'tagsRemoved', { count: result.value }));
    onClose();
    onDone();
    router.refresh();
  };

  const title = change === 'remove' ? t('removeTags') : t('addTags');
  return (
    <Modal
      open={change !== null}
      title={title}
      okText={title}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'product-tags-form', loading: busy, 'data-testid': 'product-tags-submit' } as ButtonProps}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} id="product-tags-form" layout="vertical" onFinish={submit}>
        <Form.Item name="tags" label={t('tags')} extra={t('tagsHint')} rules={[{ required: true, type: 'array', min: 1, message: tc('required') }]}>
          <Select mode="tags" open={false} suffixIcon={null} data-testid="product-tags-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
