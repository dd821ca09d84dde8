'use client';

import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  GiftOutlined,
  KeyOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Flex, Layout, Menu, theme, Typography } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { StepUpProvider } from '@/components/access/step-up';
import { allows, type Section } from '@/lib/access';

import { LanguageSwitcher } from './language-switcher';
import { UserMenu, type UserMenuViewer } from './user-menu';

/** One entry per domain, in menu order; each shows only when the viewer's scopes allow it. */
const sections: { href: string; key: Section; icon: ReactNode }[] = [
  { href: '/', key: 'dashboard', icon: <DashboardOutlined /> },
  { href: '/products', key: 'products', icon: <ShoppingOutlined /> },
  { href: '/stock', key: 'stock', icon: <DatabaseOutlined /> },
  { href: '/orders', key: 'orders', icon: <ShoppingCartOutlined /> },
  { href: '/members', key: 'members', icon: <TeamOutlined /> },
  { href: '/coupons', key: 'coupons', icon: <GiftOutlined /> },
  { href: '/reports', key: 'reports', icon: <BarChartOutlined /> },
  { href: '/staff', key: 'staff', icon: <UserOutlined /> },
  { href: '/api-keys', key: 'apiKeys', icon: <KeyOutlined /> },
  { href: '/audit', key: 'audit', icon: <AuditOutlined /> },
];

function selectedHref(pathname: string): string {
  return (
    sections.find(({ href }) => href !== '/' && pathname.startsWith(href))?.href ??
    (pathname === '/' ? '/' : '')
  );
}

export interface ShellViewer extends UserMenuViewer {
  scopes: string[];
}

/** The console frame: domain menu on the side, language switcher and user menu on top. */
export function ConsoleShell({ viewer, children }: { viewer: ShellViewer; children: ReactNode }) {
  const t = useTranslations();
  const pathname = usePathname();
  const { token } = theme.useToken();
  const visible = sections.filter(({ key }) => allows(viewer.scopes, key));
  return (
    <App>
    <StepUpProvider>
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
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24 }}>
            <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
              <LanguageSwitcher />
              <UserMenu viewer={viewer} />
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
        </Layout>
      </Layout>
    </StepUpProvider>
    </App>
  );
}
