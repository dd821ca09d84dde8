'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** Switches between the campaign list and the group monitor; a new campaign for those who may write. */
export function GroupBuysNav({ current, canWrite }: { current: 'campaigns' | 'groups'; canWrite: boolean }) {
  const t = useTranslations('groupBuys');
  const router = useRouter();
  return (
    <Space wrap>
      <Segmented
        value={current}
        onChange={(value) => router.push(value === 'groups' ? '/group-buys/groups' : '/group-buys')}
        options={[
          { value: 'campaigns', label: t('tabs.campaigns') },
          { value: 'groups', label: t('tabs.groups') },
        ]}
      />
      {canWrite && (
        <Link href="/group-buys/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="group-buy-new">
            {t('new')}
          </Button>
        </Link>
      )}
    </Space>
  );
}
