'use client';

import { ArrowLeftOutlined, ArrowRightOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { directionOf } from '@/i18n/config';

/** "New order" in the list's header (shown with orders:write). */
export function NewOrderButton() {
  const t = useTranslations('orders.create');
  return (
    <Button type="primary" icon={<PlusOutlined />} href="/orders/new" data-testid="order-new">
      {t('title')}
    </Button>
  );
}

/** Back to the list from an order; the arrow follows the writing direction. */
export function BackToOrdersButton() {
  const t = useTranslations('orders.detail');
  const Back = directionOf(useLocale()) === 'rtl' ? ArrowRightOutlined : ArrowLeftOutlined;
  return (
    <Button href="/orders" icon={<Back />} data-testid="order-back">
      {t('back')}
    </Button>
  );
}
