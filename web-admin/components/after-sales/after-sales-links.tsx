'use client';

import { ArrowLeftOutlined, ArrowRightOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { directionOf } from '@/i18n/config';

/** From an order to its return requests in the after-sales queue. */
export function OrderReturnRequestsButton({ orderId }: { orderId: string }) {
  const t = useTranslations('afterSales');
  return (
    <Button href={`/after-sales?order=${encodeURIComponent(orderId)}`} icon={<RollbackOutlined />} data-testid="order-return-requests">
      {t('orderLink')}
    </Button>
  );
}

/** Back to the queue from a request; the arrow follows the writing direction. */
export function BackToAfterSalesButton() {
  const t = useTranslations('afterSales.detail');
  const Back = directionOf(useLocale()) === 'rtl' ? ArrowRightOutlined : ArrowLeftOutlined;
  return (
    <Button href="/after-sales" icon={<Back />} data-testid="return-back">
      {t('back')}
    </Button>
  );
}
