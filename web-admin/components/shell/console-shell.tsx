'use client';

import type { ReactNode } from 'react';
import {
  BarChartOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  GiftOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Flex, Layout, Menu, theme, Typography } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { LanguageSwitcher } from './language-switcher';

/** One entry per domain, in menu order. */
const sections = [
  { href: '/', key: 'dashboard', icon: <DashboardOutlined /> },
  { href: '/products', key: 'products', icon: <ShoppingOutlined /> },
  { href: '/stock', key: 'stock', icon: <DatabaseOutlined /> },
  { href: '/orders', key: 'orders', icon: <ShoppingCartOutlined /> },
  { href: '/members', key: 'members', icon: <TeamOutlined /> },
  { href: '/coupons', key: 'coupons', icon: <GiftOutlined /> },
  { href: '/reports', key: 'reports', icon: <BarChartOutlined /> },
  { href: '/staff', key: 'staff', icon: <UserOutlined /> },
] as const;

function selectedHref(pathname: string): string {
  return (
    sections.find(({ href }) => href !== '/' && pathname.startsWith(href))?.href ??
    (pathname === '/' ? '/' : '')
  );
}

/** The console frame: domain menu on the side, title and language switcher on top. */
export function ConsoleShell({ children }: { children: ReactNode }) {
  const t = useTranslations();
  const pathname = usePathname();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220}>
        <Typography.Text
          strong
          style={{ display: 'block', padding: 20, color: token.colorWhite, fontSize: 16 }}
        >
          {t('app.title')}
        </Typography.Text>
        <nav aria-label={t('app.title')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedHref(pathname)]}
            items={sections.map(({ href, key, icon }) => ({
              key: href,
              icon,
              label: <Link href={href}>{t(`nav.${key}`)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24 }}>
          <Flex justify="flex-end" align="center" style={{ height: '100%' }}>
            <LanguageSwitcher />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
