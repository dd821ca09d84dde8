import { getLocale, getTranslations } from 'next-intl/server';

import { reviewStatuses, type ReviewStatus } from '@/components/products/catalog-enums';
import { CatalogTabs } from '@/components/products/catalog-tabs';
import { ReviewsQueue as ReviewsQueueTable } from '@/components/products/reviews-queue';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { ReviewsQueue } from './reviews.graphql';

/** `?status=` names the queue shown: PENDING (the default), APPROVED, REJECTED or all. */
function statusOf(value: string | null): ReviewStatus | null {
  if (value === 'all') return null;
  return reviewStatuses.find((status) => status === value) ?? 'PENDING';
}

/** Review moderation: pending reviews first; approve, reject and reply with catalog:write. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'products')) return <Forbidden />;
  const params = await searchParams;
  const status = statusOf(param(params, 'status'));
  const [{ data, errors }, locale, t] = await Promise.all([
    request(ReviewsQueue, { ...pageVariables(params), status }),
    getLocale(),
    getTranslations('reviews'),
  ]);
  if (!data?.reviews) return pageFailure(errors);
  const { reviews } = data;
  const canWrite = can(viewer, 'catalog:write');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <CatalogTabs canWrite={canWrite} />
      <ReviewsQueueTable
        reviews={mapNodes(reviews, (node) => ({ ...node, createdAt: formatDateTime(node.createdAt, locale, shop) }))}
        status={status ?? 'all'}
        canWrite={canWrite}
      />
    </>
  );
}
