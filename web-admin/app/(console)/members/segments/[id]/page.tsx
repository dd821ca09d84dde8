import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { rowsOf } from '@/components/members/segments/rule-model';
import { SegmentBuilder } from '@/components/members/segments/segment-builder';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDateTime, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { SegmentDetail } from '../segments.graphql';

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, locale, t] = await Promise.all([request(SegmentDetail, { id }), getLocale(), getTranslations('segments')]);
  const segment = data?.segment;
  if (!segment) return errors.length ? pageFailure(errors) : notFound();
  const refreshed = segment.refreshedAt
    ? t('sizeAt', { size: formatNumber(segment.size, locale), at: formatDateTime(segment.refreshedAt, locale, shop) })
    : t('notRefreshed');
  return (
    <>
      <PageHeader title={segment.name} description={refreshed} />
      <SegmentBuilder
        draft={{ id: segment.id, name: segment.name, description: segment.description ?? '', groups: rowsOf(segment.rules) }}
        editable={viewer.scopes.includes('members:write') && !segment.archivedAt}
      />
    </>
  );
}
