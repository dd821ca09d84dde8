import { getTranslations } from 'next-intl/server';

import { StaffProfile } from '@/components/access/staff-profile';
import { PageHeader } from '@/components/shell/page-header';
import { request } from '@/lib/graphql';

import { StaffMe } from './staff.graphql';

export default async function StaffPage() {
  const [{ me }, t] = await Promise.all([request(StaffMe, {}), getTranslations('staff')]);
  return (
    <>
      <PageHeader title={t('title')} />
      <StaffProfile me={me} />
    </>
  );
}
