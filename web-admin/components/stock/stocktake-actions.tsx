'use client';

import { CheckOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslations } from 'next-intl';

import type { StocktakeLine } from '@/app/(console)/stock/stocktake/stocktake.graphql';

/**
 * Preview (submits the form) and Apply, which confirms how many levels change and is open only
 * for a previewed sheet without row errors.
 */
export function StocktakeActions({
  lines,
  canApply,
  busy,
  onApply,
}: {
  lines: StocktakeLine[] | null;
  canApply: boolean;
  busy: 'preview' | 'apply' | null;
  onApply: () => void;
}) {
  const t = useTranslations('stock.stocktake');
  const tc = useTranslations('common');
  const count = lines?.filter((line) => line.difference !== 0).length ?? 0;
  return (
    <>
      <Button type="primary" htmlType="submit" icon={<EyeOutlined />} loading={busy === 'preview'} data-testid="stocktake-preview">
        {t('preview')}
      </Button>
      <Popconfirm
        title={t('applyTitle')}
        description={t('applyDescription', { count })}
        okText={t('apply')}
        okButtonProps={{ danger: true }}
        cancelText={tc('cancel')}
        // Closes at once: a returned promise would keep it open over the step-up prompt.
        onConfirm={() => void onApply()}
        disabled={!canApply}
      >
        <Button danger icon={<CheckOutlined />} disabled={!canApply} loading={busy === 'apply'} data-testid="stocktake-apply">
          {t('apply')}
        </Button>
      </Popconfirm>
    </>
  );
}
