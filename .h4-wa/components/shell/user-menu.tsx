'use client';

import { useTransition } from 'react';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { logout } from '@/app/(console)/actions';

export interface UserMenuViewer {
  displayName: string;
  email: string | null;
  /** Role titles. */
  roles: string[];
}

/** Who is signed in, their roles, and Log out (staffLogout, then /login). */
export function UserMenu({ viewer }: { viewer: UserMenuViewer }) {
  const t = useTranslations('session');
  const [pending, startTransition] = useTransition();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <Flex vertical>
                <Typography.Text strong>{viewer.displayName}</Typography.Text>
                {viewer.email && <Typography.Text type="secondary">{viewer.email}</Typography.Text>}
                <Typography.Text type="secondary" data-testid="user-roles">
                  {viewer.roles.join(', ')}
                </Typography.Text>
              </Flex>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('logout')}</span>,
            onClick: () => startTransition(() => logout()),
          },
        ],
      }}
    >
      <Button type="text" loading={pending} data-testid="user-menu" aria-label={t('account')}>
        <Avatar size="small" icon={<UserOutlined />} />
        <span data-testid="user-name">{viewer.displayName}</span>
      </Button>
    </Dropdown>
  );
}
