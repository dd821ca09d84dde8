'use client';

import { useState } from 'react';
import { CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useMounted } from '@/components/shell/use-mounted';

import { listStateParams, queryString, readListState, type OrderListState } from './order-list-params';
import { OrderViewNameModal } from './order-view-name-modal';
import { builtInViews, useSavedViews } from './use-saved-views';

/**
 * Built-in views, the operator's saved views, and "Save view" for the current filters.
 * Views that filter by flags show only to viewers who may (`flags`: orders:read_internal).
 */
export function OrderSavedViews({ state, flags }: { state: OrderListState; flags: boolean }) {
  const t = useTranslations('orders.views');
  const router = useRouter();
  const mounted = useMounted();
  const [views, saveViews] = useSavedViews();
  const [naming, setNaming] = useState(false);
  const current = queryString(listStateParams(state));
  const sameQuery = (query: string) =>
    queryString(listStateParams(readListState(new URLSearchParams(query)))) === current;

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="order-views">
      <Typography.Text type="secondary">{t('title')}</Typography.Text>
      {builtInViews.filter((view) => flags || !view.query.includes('flagged')).map((view) => (
        <Button
          key={view.key}
          size="small"
          type={sameQuery(view.query) ? 'primary' : 'default'}
          onClick={() => router.push(view.query)}
          data-testid={`order-view-${view.key}`}
        >
          {t(view.key)}
        </Button>
      ))}
      {views.map((view) => (
        <Space.Compact key={view.name} size="small">
          <Button
            type={sameQuery(view.query) ? 'primary' : 'default'}
            onClick={() => router.push(view.query)}
            data-testid="order-view-saved"
            data-name={view.name}
          >
            {view.name}
          </Button>
          <Button
            icon={<CloseOutlined />}
            aria-label={t('delete', { name: view.name })}
            onClick={() => saveViews(views.filter((v) => v.name !== view.name))}
          />
        </Space.Compact>
      ))}
      <Button size="small" type="dashed" icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="order-view-save">
        {t('save')}
      </Button>
      {mounted && (
        <OrderViewNameModal
          open={naming}
          onCancel={() => setNaming(false)}
          onSave={(name) => {
            saveViews([...views.filter((v) => v.name !== name), { name, query: current }]);
            setNaming(false);
          }}
        />
      )}
    </Flex>
  );
}
