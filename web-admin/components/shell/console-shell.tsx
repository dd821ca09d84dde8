'use client';

import type { ReactNode } from 'react';
import { App, Flex, Layout, theme, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { StepUpProvider } from '@/components/access/step-up';

import { ConsoleNav } from './console-nav';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu, type UserMenuViewer } from './user-menu';

export interface ShellViewer extends UserMenuViewer {
  scopes: string[];
}

/** The console frame: domain menu on the side, language switcher and user menu on top. */
export function ConsoleShell({ viewer, children }: { viewer: ShellViewer; children: ReactNode }) {
  const t = useTranslations();
  const { token } = theme.useToken();
  return (
    <App>
      <StepUpProvider>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220}>
            <Typography.Text strong style={{ display: 'block', padding: 20, color: token.colorWhite, fontSize: 16 }}>
              {t('app.title')}
            </Typography.Text>
            <ConsoleNav scopes={viewer.scopes} />
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
