'use client';

import type { ReactNode } from 'react';
import { ConfigProvider, type ConfigProviderProps } from 'antd';
import arEG from 'antd/locale/ar_EG';
import enUS from 'antd/locale/en_US';
import thTH from 'antd/locale/th_TH';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';

import { directionOf, type Locale } from '@/i18n/config';

const antdLocales: Record<Locale, ConfigProviderProps['locale']> = {
  en: enUS,
  th: thTH,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  ar: arEG,
};

/** antd's own texts and layout direction follow the console locale. */
export function AntdProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ConfigProvider locale={antdLocales[locale]} direction={directionOf(locale)}>
      {children}
    </ConfigProvider>
  );
}
