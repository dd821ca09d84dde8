import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { promotionKinds, promotionStatuses } from '@/components/promotions/promotion-enums';
import { PromotionsTable, type PromotionRow } from '@/components/promotions/promotions-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatNumber, shopDateTimeFormat } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { PromotionsList } from './promotions.graphql';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value && (values as readonly string[]).includes(value) ? (value as T) : null;

/** Promotions: status and kind filters, title search, cursor pages (marketing:read; new ones marketing:write). */
export default async function PromotionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'promotions')) return <Forbidden />;
  const params = await searchParams;
  const status = oneOf(promotionStatuses, param(params, 'status'));
  const kind = oneOf(promotionKinds, param(params, 'kind'));
  const search = param(params, 'q');
  const locale = await getLocale();
  const [{ data, errors }, t] = await Promise.all([
    request(PromotionsList, { ...pageVariables(params), filter: { status: status ? [status] : null, kind: kind ? [kind] : null, search }, locale }),
    getTranslations('promotions'),
  ]);
  if (!data?.promotions) return pageFailure(errors);
  const shop = await getShopSettings();
  const when = shopDateTimeFormat(locale, shop);
  const rows = mapNodes(data.promotions, (node): PromotionRow => ({
    id: node.id,
    title: node.title,
    kind: node.kind,
    status: node.status,
    schedule:
      node.startsAt && node.endsAt
        ? when.formatRange(new Date(node.startsAt), new Date(node.endsAt))
        : node.startsAt
          ? t('scheduleFrom', { start: when.format(new Date(node.startsAt)) })
          : node.endsAt
            ? t('scheduleUntil', { end: when.format(new Date(node.endsAt)) })
            : null,
    priority: formatNumber(node.priority, locale),
    combinable: node.combinable,
  }));
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        extra={can(viewer, 'marketing:write') ? <Link href="/promotions/new" data-testid="promotion-new">{t('new')}</Link> : undefined}
      />
      <PromotionsTable promotions={rows} filtered={Boolean(status || kind || search)} />
    </>
  );
}
