'use client';

import { Form, Input } from 'antd';
import { useTranslations } from 'next-intl';

import { directionOf, localeNames, locales } from '@/i18n/config';

/**
 * The promotion's title in each console language (English required: the fallback of the others).
 * Each input is laid out in its language's direction, so the Arabic one is typed right to left.
 */
export function LocalizedTitles() {
  const t = useTranslations('promotions.editor');
  return (
    <>
      {locales.map((locale) => (
        <Form.Item
          key={locale}
          name={['titles', locale]}
          label={`${t('title')} · ${localeNames[locale]}`}
          rules={locale === 'en' ? [{ required: true, whitespace: true, message: t('titleRequired') }] : undefined}
        >
          <Input dir={directionOf(locale)} lang={locale} maxLength={200} data-testid={`promotion-title-${locale}`} />
        </Form.Item>
      ))}
    </>
  );
}
