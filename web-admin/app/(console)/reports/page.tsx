import { getTranslations } from 'next-intl/server';

import { ReportBuilder } from '@/components/reports/report-builder';
import type { BuilderValues } from '@/components/reports/report-query';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { shopToday } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

import { ReportsBuilderCatalog } from './reports.graphql';

/** What a new report starts as: GMV per day over the last 30 shop days. */
const blankReport: BuilderValues = {
  metrics: ['GMV'],
  dimensions: ['DAY'],
  filters: [],
  preset: 'LAST_30_DAYS',
  comparison: 'NONE',
  currencyCode: 'THB',
};

/** The report builder (reports:read): the catalog the viewer may use, previewed as a chart and a table. */
export default async function ReportsPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'reports')) return <Forbidden />;
  const [{ data, errors }, t] = await Promise.all([request(ReportsBuilderCatalog, {}), getTranslations('reports')]);
  if (!data?.reportCatalog) return pageFailure(errors);
  return (
    <>
      <PageHeader title={t('title')} />
      <ReportBuilder catalog={data.reportCatalog} initialValues={blankReport} today={shopToday()} weekStartsOn={1} />
    </>
  );
}
