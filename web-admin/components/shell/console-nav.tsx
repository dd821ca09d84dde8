'use client';

import type { ReactNode } from 'react';
import {
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FilterOutlined,
  GiftOutlined,
  KeyOutlined,
  NotificationOutlined,
  RollbackOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TagsOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  ThunderboltOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { allows, type Section } from '@/lib/access';

/** One entry per domain, in menu order; each shows only when the viewer's scopes allow it. */
const sections: { href: string; key: Section; icon: ReactNode }[] = [
  { href: '/', key: 'dashboard', icon: <DashboardOutlined /> },
  { href: '/products', key: 'products', icon: <ShoppingOutlined /> },
  { href: '/stock', key: 'stock', icon: <DatabaseOutlined /> },
  { href: '/orders', key: 'orders', icon: <ShoppingCartOutlined /> },
  { href: '/fulfilment', key: 'fulfilment', icon: <CarOutlined /> },
  { href: '/fulfilment/exceptions', key: 'fulfilmentExceptions', icon: <WarningOutlined /> },
  { href: '/after-sales', key: 'afterSales', icon: <RollbackOutlined /> },
  { href: '/members', key: 'members', icon: <TeamOutlined /> },
  { href: '/members/segments', key: 'segments', icon: <FilterOutlined /> },
  { href: '/coupons', key: 'coupons', icon: <GiftOutlined /> },
  { href: '/content', key: 'content', icon: <NotificationOutlined /> },
  { href: '/promotions', key: 'promotions', icon: <TagsOutlined /> },
  { href: '/group-buys', key: 'groupBuys', icon: <UsergroupAddOutlined /> },
  { href: '/flash-sales', key: 'flashSales', icon: <ThunderboltOutlined /> },
  { href: '/quality', key: 'quality', icon: <ExperimentOutlined /> },
  { href: '/reports', key: 'reports', icon: <BarChartOutlined /> },
  { href: '/staff', key: 'staff', icon: <UserOutlined /> },
  { href: '/api-keys', key: 'apiKeys', icon: <KeyOutlined /> },
  { href: '/webhooks', key: 'webhooks', icon: <ApiOutlined /> },
  { href: '/audit', key: 'audit', icon: <AuditOutlined /> },
  { href: '/settings', key: 'settings', icon: <SettingOutlined /> },
];

function selectedHref(pathname: string): string {
  return (
    // The longest match: /members/segments is its own entry inside /members.
    sections.filter(({ href }) => href !== '/' && pathname.startsWith(href)).sort((a, b) => b.href.length - a.href.length)[0]?.href ??
    (pathname === '/' ? '/' : '')
  );
}

/** The domain menu: the sections the viewer's scopes allow, the current one selected. */
export function ConsoleNav({ scopes }: { scopes: string[] }) {
  const t = useTranslations();
  const pathname = usePathname();
  const visible = sections.filter(({ key }) => allows(scopes, key));
  return (
    <nav aria-label={t('app.title')}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedHref(pathname)]}
        items={visible.map(({ href, key, icon }) => ({
          key: href,
          icon,
          label: (
            <Link href={href} data-testid={`nav-${key}`}>
              {t(`nav.${key}`)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
