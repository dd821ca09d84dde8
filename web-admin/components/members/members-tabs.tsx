'use client';

import { Tabs } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** The members section's pages, in tab order; a member's own page belongs to the list. */
const tabs = [
  { href: '/members', key: 'list' },
  { href: '/members/follow-ups', key: 'followUps' },
  { href: '/members/tiers', key: 'tiers' },
] as const;

function activeHref(pathname: string): string {
  return tabs.find(({ href }) => href !== '/members' && pathname.startsWith(href))?.href ?? '/members';
}

/** Secondary navigation of the members section (links, so each tab is a page of its own). */
export function MembersTabs() {
  const t = useTranslations('memberDesk.tabs');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')}>
      <Tabs
        activeKey={activeHref(pathname)}
        style={{ marginBottom: 8 }}
        items={tabs.map(({ href, key }) => ({
          key: href,
          label: (
            <Link href={href} data-testid={`members-tab-${key}`}>
              {t(key)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
