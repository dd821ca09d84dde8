'use client';

import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslations } from 'next-intl';

/** The list header's buttons: CSV export of the current filter and, with catalog:write, a new product. */
export function ProductListActions({ exportHref, canWrite }: { exportHref: string; canWrite: boolean }) {
  const t = useTranslations('products');
  return (
    <Space>
      <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="product-export">
        {t('export')}
      </Button>
      {canWrite && (
        <Button type="primary" icon={<PlusOutlined />} href="/products/new" data-testid="product-create">
          {t('create')}
        </Button>
      )}
    </Space>
  );
}
