'use client';

import { useTransition } from 'react';
import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { setLocale } from '@/i18n/actions';
import { localeNames, locales } from '@/i18n/config';

/** Stores the chosen locale in the `locale` cookie, then reloads so every text and the direction follow. */
export function LanguageSwitcher() {
  const t = useTranslations('nav');
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <Select
      aria-label={t('language')}
      data-testid="language-switcher"
      value={locale}
      loading={pending}
      disabled={pending}
      prefix={<GlobalOutlined />}
      style={{ minWidth: 160 }}
      options={locales.map((value) => ({ value, label: localeNames[value], 'data-locale': value }))}
      onChange={(value) =>
        startTransition(async () => {
          await setLocale(value);
          window.location.reload();
        })
      }
    />
  );
}
