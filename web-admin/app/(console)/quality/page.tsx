import { getLocale, getTranslations } from 'next-intl/server';

import { QualityAlerts, type QualityAlertRow } from '@/components/quality/quality-alerts';
import { QualitySettingsForm } from '@/components/quality/quality-settings-form';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { QualityAlertsList, QualitySettingsView, type QualityAlertStatus } from './quality.graphql';

const STATUSES: readonly QualityAlertStatus[] = ['OPEN', 'ACKNOWLEDGED'];

/** Quality alerts (catalog:read) with the orders and return reasons behind each, and the rule that raises them. */
export default async function QualityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'quality')) return <Forbidden />;
  const params = await searchParams;
  const asked = param(params, 'status');
  // Open alerts first: that is the work; `?status=ALL` lists every alert.
  const status = asked === 'ALL' ? null : STATUSES.find((s) => s === asked) ?? 'OPEN';
  const [{ data, errors }, settings, locale, t] = await Promise.all([
    request(QualityAlertsList, { ...pageVariables(params), filter: { status } }),
    request(QualitySettingsView, {}),
    getLocale(),
    getTranslations('quality'),
  ]);
  const rule = settings.data?.qualitySettings;
  if (!data?.qualityAlerts || !rule) return pageFailure(errors ?? settings.errors);
  const shop = await getShopSettings();
  const number = (n: number) => formatNumber(n, locale);
  const alerts = mapNodes(data.qualityAlerts, (node): QualityAlertRow => ({
    id: node.id,
    productId: node.product.id,
    productTitle: node.product.title ?? null,
    lotCode: node.lotCode ?? null,
    status: node.status,
    rate: t('rate', { rate: node.ratePercent, threshold: node.thresholdPercent }),
    units: t('units', { defects: number(node.defectUnits), shipped: number(node.shippedUnits) }),
    window: `${formatDate(node.windowStart, locale, shop)} – ${formatDate(node.windowEnd, locale, shop)}`,
    raisedAt: formatDateTime(node.createdAt, locale, shop),
    acknowledgedAt: node.acknowledgedAt ? formatDateTime(node.acknowledgedAt, locale, shop) : null,
    note: node.note ?? null,
    orderNumbers: node.orderNumbers,
    reasons: (node.product.returnStats?.reasons ?? []).map((r) => ({ reasonCode: r.reasonCode, units: number(r.units), requests: number(r.requests) })),
    lots: (node.product.returnStats?.lots ?? []).map((lot) => ({
      lotCode: lot.lotCode,
      shipped: number(lot.shippedUnits),
      reasons: lot.reasons.map((r) => ({ reasonCode: r.reasonCode, units: number(r.units) })),
    })),
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <QualityAlerts
        alerts={alerts}
        status={status ?? 'ALL'}
        canAcknowledge={can(viewer, 'catalog:write')}
        linkOrders={can(viewer, 'orders:read')}
      />
      <QualitySettingsForm
        editable={can(viewer, 'catalog:write')}
        settings={{
          defectReasonCodes: rule.defectReasonCodes,
          rateThresholdPercent: rule.rateThresholdPercent,
          windowDays: rule.windowDays,
          minUnitsShipped: rule.minUnitsShipped,
        }}
      />
    </>
  );
}
