'use client';

import { useState } from 'react';
import { InboxOutlined, MinusCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Popconfirm, Select, Space, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveProducts, changeProductTags } from '@/app/(console)/products/actions';
import { useStepUp } from '@/components/access/step-up';

import { useCatalogFeedback } from './catalog-feedback';

/**
 * Actions on the selected products: archive (all or none, after a confirmation and the
 * step-up password prompt) and adding or removing tags.
 */
export function ProductsBulkBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const t = useTranslations('products.bulk');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useCatalogFeedback();
  const [form] = Form.useForm<{ tags: string[] }>();
  const [tagChange, setTagChange] = useState<'add' | 'remove' | null>(null);
  const [busy, setBusy] = useState(false);

  const archive = async () => {
    setBusy(true);
    const result = await withStepUp(() => archiveProducts(selected)).finally(() => setBusy(false));
    if (!result.ok) return void report(result);
    void message.success(t('archived', { count: result.value }));
    onDone();
    router.refresh();
  };

  const submitTags = async ({ tags }: { tags: string[] }) => {
    if (!tagChange) return;
    setBusy(true);
    const result = await changeProductTags(tagChange, selected, tags).finally(() => setBusy(false));
    if (!result.ok) return void report(result, form);
    void message.success(t(tagChange === 'add' ? 'tagsAdded' : 'tagsRemoved', { count: result.value }));
    setTagChange(null);
    onDone();
    router.refresh();
  };

  const openTags = (change: 'add' | 'remove') => {
    form.resetFields();
    setTagChange(change);
  };

  if (!selected.length) return null;
  return (
    <>
      <Alert
        type="info"
        data-testid="product-bulk-bar"
        style={{ marginBottom: 12 }}
        title={t('selected', { count: selected.length })}
        action={
          <Space wrap>
            <Popconfirm
              title={t('archiveTitle')}
              description={t('archiveConfirm', { count: selected.length })}
              okText={t('archive')}
              cancelText={tc('cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'product-bulk-archive-confirm' } as ButtonProps}
              // Not `onConfirm={archive}`: a returned promise keeps the popconfirm open until the
              // step-up prompt is answered, and it then lies over the prompt's confirm button.
              onConfirm={() => void archive()}
            >
              <Button danger icon={<InboxOutlined />} loading={busy} data-testid="product-bulk-archive">
                {t('archive')}
              </Button>
            </Popconfirm>
            <Button icon={<PlusCircleOutlined />} onClick={() => openTags('add')} data-testid="product-bulk-tag-add">
              {t('addTags')}
            </Button>
            <Button icon={<MinusCircleOutlined />} onClick={() => openTags('remove')} data-testid="product-bulk-tag-remove">
              {t('removeTags')}
            </Button>
            <Button type="link" onClick={onDone}>
              {t('clear')}
            </Button>
          </Space>
        }
      />
      <Modal
        open={tagChange !== null}
        title={tagChange === 'remove' ? t('removeTags') : t('addTags')}
        okText={tagChange === 'remove' ? t('removeTags') : t('addTags')}
        cancelText={tc('cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'product-tags-form', loading: busy, 'data-testid': 'product-tags-submit' } as ButtonProps}
        onCancel={() => setTagChange(null)}
        destroyOnHidden
      >
        <Form form={form} id="product-tags-form" layout="vertical" onFinish={submitTags}>
          <Form.Item
            name="tags"
            label={t('tags')}
            extra={t('tagsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: tc('required') }]}
          >
            <Select mode="tags" open={false} suffixIcon={null} data-testid="product-tags-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
