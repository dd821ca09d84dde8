'use client';

import { Tabs } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** The reports section's pages, in tab order. */
const tabs = [
  { href: '/reports', key: 'builder' },
  { href: '/reports/saved', key: 'saved' },
  { href: '/reports/alerts', key: 'alerts' },
] as const;

/** Secondary navigation of the reports section (links, so each tab is a page of its own). */
export function ReportsTabs() {
  const t = useTranslations('reportsNav');
  const pathname = usePathname();
  const active = [...tabs].reverse().find(({ href }) => href === '/reports' || pathname.startsWith(href));
  return (
    <nav aria-label={t('label')}>
      <Tabs
        activeKey={active?.href ?? '/reports'}
        style={{ marginBottom: 8 }}
        items={tabs.map(({ href, key }) => ({
          key: href,
          label: (
            <Link href={href} data-testid={`reports-tab-${key}`}>
              {t(key)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
