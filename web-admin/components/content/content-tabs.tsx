'use client';

import { Tabs } from 'antd';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

const TABS = [
  { key: '/content', label: 'banners' },
  { key: '/content/announcements', label: 'announcements' },
  { key: '/content/articles', label: 'articles' },
] as const;

/** Banners, announcements and articles: the three lists of the content area. */
export function ContentTabs() {
  const t = useTranslations('content');
  const router = useRouter();
  const pathname = usePathname();
  const active = [...TABS].reverse().find((tab) => pathname.startsWith(tab.key))?.key ?? '/content';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => router.push(key)}
      items={TABS.map((tab) => ({ key: tab.key, label: <span data-testid={`content-tab-${tab.label}`}>{t(`tabs.${tab.label}`)}</span> }))}
    />
  );
}
