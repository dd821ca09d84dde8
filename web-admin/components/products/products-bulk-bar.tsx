'use client';

import { useState } from 'react';
import { InboxOutlined, MinusCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveProducts } from '@/app/(console)/products/actions';
import { useStepUp } from '@/components/access/step-up';

import { useCatalogFeedback } from './catalog-feedback';
import { ProductTagsModal } from './product-tags-modal';

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
            <Button icon={<PlusCircleOutlined />} onClick={() => setTagChange('add')} data-testid="product-bulk-tag-add">
              {t('addTags')}
            </Button>
            <Button icon={<MinusCircleOutlined />} onClick={() => setTagChange('remove')} data-testid="product-bulk-tag-remove">
              {t('removeTags')}
            </Button>
            <Button type="link" onClick={onDone}>
              {t('clear')}
            </Button>
          </Space>
        }
      />
      <ProductTagsModal change={tagChange} selected={selected} onClose={() => setTagChange(null)} onDone={onDone} />
    </>
  );
}
