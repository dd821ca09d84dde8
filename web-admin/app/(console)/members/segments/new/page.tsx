import { getTranslations } from 'next-intl/server';

import { SegmentBuilder } from '@/components/members/segments/segment-builder';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getViewer } from '@/lib/viewer';

export default async function NewSegmentPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const t = await getTranslations('segments');
  return (
    <>
      <PageHeader title={t('new')} />
      <SegmentBuilder draft={{ id: null, name: '', description: '', groups: [] }} editable={viewer.scopes.includes('members:write')} />
    </>
  );
}
