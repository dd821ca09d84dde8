'use client';

import type { ReactNode } from 'react';
import { Card, Flex, Layout, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { LanguageSwitcher } from '@/components/shell/language-switcher';

/** The sign-in page's frame: the language switcher on top, a card with the title in the middle. */
export function LoginLayout({ children }: { children: ReactNode }) {
  const t = useTranslations('login');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: 'transparent', paddingInline: 24 }}>
        <Flex justify="flex-end" align="center" style={{ height: '100%' }}>
          <LanguageSwitcher />
        </Flex>
      </Layout.Header>
      <Layout.Content>
        <Flex justify="center" style={{ paddingTop: 48, paddingInline: 16 }}>
          <Card style={{ width: '100%', maxWidth: 400 }}>
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
            {children}
          </Card>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
