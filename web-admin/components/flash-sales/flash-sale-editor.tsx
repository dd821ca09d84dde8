'use client';

import { Card, Space } from 'antd';
import { useTranslations } from 'next-intl';

import { FlashSaleForm, type FlashSaleDraft } from './flash-sale-form';
import { FlashSaleItems, type FlashSaleItemRow } from './flash-sale-items';

/** A saved session: its fields above, its items with quota progress below. */
export function FlashSaleEditor({ draft, items, timeZone, editable }: { draft: FlashSaleDraft & { id: string }; items: FlashSaleItemRow[]; timeZone: string; editable: boolean }) {
  const t = useTranslations('flashSales');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('session')}>
        <FlashSaleForm draft={draft} timeZone={timeZone} editable={editable} />
      </Card>
      <Card title={t('items')}>
        <FlashSaleItems flashSaleId={draft.id} rows={items} editable={editable} />
      </Card>
    </Space>
  );
}
