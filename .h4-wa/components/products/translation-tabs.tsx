'use client';

import { Form, Input, Tabs, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { directionOf, isLocale, localeNames } from '@/i18n/config';

import { RichTextEditor } from './rich-text-editor';

/**
 * One tab per translation locale (th, zh-CN, zh-TW, ar) with title, description and SEO
 * texts under `translations.<locale>`; the Arabic tab's inputs run right to left.
 */
export function TranslationTabs({
  locales,
  limits,
}: {
  locales: string[];
  limits: { seoTitleMaxLength: number; seoDescriptionMaxLength: number; titleMaxLength: number };
}) {
  const t = useTranslations('productEditor.translations');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Tabs
        items={locales.map((locale) => {
          const dir = isLocale(locale) ? directionOf(locale) : 'ltr';
          return {
            key: locale,
            label: <span data-testid={`translation-tab-${locale}`}>{isLocale(locale) ? localeNames[locale] : locale}</span>,
            forceRender: true,
            children: (
              <div dir={dir} lang={locale} data-testid={`translation-${locale}`}>
                <Form.Item name={['translations', locale, 'title']} label={t('title')}>
                  <Input dir={dir} maxLength={limits.titleMaxLength} data-testid={`translation-${locale}-title`} />
                </Form.Item>
                <Form.Item name={['translations', locale, 'descriptionHtml']} label={t('description')}>
                  <RichTextEditor dir={dir} testId={`translation-${locale}-description`} />
                </Form.Item>
                <Form.Item name={['translations', locale, 'seoTitle']} label={t('seoTitle')}>
                  <Input dir={dir} count={{ show: true, max: limits.seoTitleMaxLength }} data-testid={`translation-${locale}-seo-title`} />
                </Form.Item>
                <Form.Item name={['translations', locale, 'seoDescription']} label={t('seoDescription')}>
                  <Input.TextArea dir={dir} rows={2} count={{ show: true, max: limits.seoDescriptionMaxLength }} />
                </Form.Item>
              </div>
            ),
          };
        })}
      />
    </>
  );
}
