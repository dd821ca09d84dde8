import { getLocale, getTranslations } from 'next-intl/server';

import { AnomalyAlerts, type AlertStatusFilter } from '@/components/reports/anomaly-alerts';
import { valueFormatter } from '@/components/charts/value-format';
import { ReportsTabs } from '@/components/reports/reports-tabs';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { param, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatDay } from '@/lib/format';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { can, getViewer } from '@/lib/viewer';

import { AnomalyAlertsList } from './alerts.graphql';
import { ReportsBuilderCatalog } from '../reports.graphql';

const pageSize = 50;
const statuses = ['OPEN', 'ACKNOWLEDGED', 'ALL'] as const;

/** Anomaly alerts (reports:read), open ones first, money in the shop's currency; acknowledging takes reports:write. */
export default async function AnomalyAlertsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'reports')) return <Forbidden />;
  const params = await searchParams;
  const status: AlertStatusFilter = statuses.find((s) => s === param(params, 'status')) ?? 'OPEN';
  const [{ data, errors }, catalog, shop, locale, t] = await Promise.all([
    request(AnomalyAlertsList, { status: status === 'ALL' ? null : status, first: pageSize, after: param(params, 'after') }),
    request(ReportsBuilderCatalog, {}),
    getShopSettings(),
    getLocale(),
    getTranslations('anomalyAlerts'),
  ]);
  if (!data?.anomalyAlerts) return pageFailure(errors);
  const unitOf = (metric: string) => catalog.data?.reportCatalog?.metrics.find((info) => info.metric === metric)?.unit ?? 'COUNT';
  const deviation = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const { anomalyAlerts } = data;
  const rows = anomalyAlerts.edges.map(({ node }) => {
    const format = valueFormatter(unitOf(node.metric), locale, shop.currencyCode);
    return {
      id: node.id,
      metric: node.metric,
      day: formatDay(node.day, locale, shop),
      value: format(Number(node.value)),
      baseline: format(Number(node.baseline)),
      deviation: t('mads', { value: deviation.format(node.deviation) }),
      direction: node.direction,
      status: node.status,
      raisedAt: formatDateTime(node.raisedAt, locale, shop),
      acknowledgedAt: node.acknowledgedAt ? formatDateTime(node.acknowledgedAt, locale, shop) : null,
      note: node.note ?? null,
    };
  });
  const next = anomalyAlerts.pageInfo.hasNextPage && anomalyAlerts.pageInfo.endCursor;
  return (
    <>
      <PageHeader title={t('title')} />
      <ReportsTabs />
      <AnomalyAlerts
        rows={rows}
        status={status}
        nextHref={next ? `/reports/alerts?status=${status}&after=${encodeURIComponent(next)}` : null}
        canAcknowledge={can(viewer, 'reports:write')}
      />
    </>
  );
}
