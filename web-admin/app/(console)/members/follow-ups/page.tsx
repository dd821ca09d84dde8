import { getTranslations } from 'next-intl/server';

import { FollowUpsTable } from '@/components/members/contacts/follow-ups-table';
import { MembersTabs } from '@/components/members/members-tabs';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { can, getViewer } from '@/lib/viewer';

import { ContactFollowUps } from './follow-ups.graphql';

/** Follow-ups of the contact log due today or earlier (the shop's calendar), not yet done. */
export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const [{ data, errors }, t, shop] = await Promise.all([
    request(ContactFollowUps, pageVariables(await searchParams)),
    getTranslations('memberDesk'),
    getShopSettings(),
  ]);
  if (!data?.contactFollowUpsDue) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('contacts.followUpsTitle')} description={t('contacts.followUpsDescription')} />
      <MembersTabs />
      <FollowUpsTable connection={data.contactFollowUpsDue} canWrite={can(viewer, 'members:write')} shop={shop} />
    </>
  );
}
