import { Descriptions, Empty } from 'antd';
import { getTranslations } from 'next-intl/server';

import type { StaffMeNode } from '@/app/(console)/staff/staff.graphql';

/** Who the console talks to the graph as. */
export async function StaffProfile({ me }: { me: StaffMeNode | null }) {
  const t = await getTranslations('staff');
  if (!me) return <Empty description={t('notSignedIn')} />;
  return (
    <Descriptions
      bordered
      column={1}
      title={t('signedIn')}
      items={[
        { key: 'displayName', label: t('displayName'), children: me.displayName },
        { key: 'email', label: t('email'), children: me.email },
        { key: 'id', label: t('id'), children: me.id },
      ]}
    />
  );
}
