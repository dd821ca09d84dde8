import { Space } from 'antd';
import { getLocale, getTranslations } from 'next-intl/server';

import { ReportsTabs } from '@/components/reports/reports-tabs';
import { ScheduleForm } from '@/components/reports/schedule-form';
import { SchedulesTable } from '@/components/reports/schedules-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { formatDateTime, formatDay } from '@/lib/format';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { can, getViewer } from '@/lib/viewer';

import { SavedReportSchedules } from './schedules.graphql';

/** A saved report's delivery schedules (reports:write): times are the shop's clock. */
export default async function SavedReportSchedulesPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!can(viewer, 'reports:write')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, shop, locale, t] = await Promise.all([
    request(SavedReportSchedules, { id }),
    getShopSettings(),
    getLocale(),
    getTranslations('reportSchedules'),
  ]);
  const saved = data?.savedReport;
  if (!saved) return pageFailure(errors);
  const rows = (saved.schedules ?? []).map((schedule) => ({
    id: schedule.id,
    frequency: schedule.frequency,
    at: schedule.at,
    delivery: schedule.delivery,
    target: schedule.target,
    format: schedule.format,
    enabled: schedule.enabled,
    nextRun: formatDateTime(schedule.nextRunAt, locale, shop),
    lastDelivered: schedule.lastDeliveredPeriod
      ? t('period', { from: formatDay(schedule.lastDeliveredPeriod.from, locale, shop), to: formatDay(schedule.lastDeliveredPeriod.to, locale, shop) })
      : null,
  }));
  return (
    <>
      <PageHeader title={t('title', { name: saved.name })} description={t('shopTime', { zone: shop.timeZone })} />
      <ReportsTabs />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <SchedulesTable savedReportId={saved.id} rows={rows} />
        <ScheduleForm savedReportId={saved.id} />
      </Space>
    </>
  );
}
