'use client';

import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useTranslations } from 'next-intl';

/** A GET form for `?q=`: submitting starts again from the first page. */
export function SearchForm({ query, placeholder }: { query: string | null; placeholder: string }) {
  const t = useTranslations('common');
  return (
    <form role="search" method="get">
      <Space.Compact>
        <Input
          name="q"
          type="search"
          aria-label={t('search')}
          placeholder={placeholder}
          defaultValue={query ?? ''}
          allowClear
          style={{ width: 280 }}
        />
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('search')}
        </Button>
      </Space.Compact>
    </form>
  );
}
