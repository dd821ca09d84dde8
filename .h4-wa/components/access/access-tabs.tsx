'use client';

import { Segmented } from 'antd';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** Staff | Roles, under the "Staff & access" section. */
export function AccessTabs() {
  const t = useTranslations('staff');
  const pathname = usePathname();
  const router = useRouter();
  return (
    <Segmented
      value={pathname.startsWith('/staff/roles') ? '/staff/roles' : '/staff'}
      options={[
        { value: '/staff', label: <span data-testid="tab-staff">{t('tabs.staff')}</span> },
        { value: '/staff/roles', label: <span data-testid="tab-roles">{t('tabs.roles')}</span> },
      ]}
      onChange={(href) => router.push(href)}
      style={{ marginBottom: 16 }}
    />
  );
}
