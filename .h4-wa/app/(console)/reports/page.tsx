import { getTranslations } from 'next-intl/server';

import { SalesSummary } from '@/components/reports/sales-summary';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';
import { lastDays } from '@/lib/period';

import { ReportsSalesSummaries } from './reports.graphql';

export default async function ReportsPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'reports')) return <Forbidden />;
  const now = new Date();
  const [{ data, errors }, t] = await Promise.all([
    request(ReportsSalesSummaries, {
      from7: lastDays(7, now).from,
      from30: lastDays(30, now).from,
      from90: lastDays(90, now).from,
      to: now.toISOString(),
    }),
    getTranslations('reports'),
  ]);
  if (!data?.last7 || !data.last30 || !data.last90) return pageFailure(errors);
  const periods = [
    { days: 7, summary: data.last7 },
    { days: 30, summary: data.last30 },
    { days: 90, summary: data.last90 },
  ];
  return (
    <>
      <PageHeader title={t('title')} />
      {periods.map(({ days, summary }) => (
        <SalesSummary key={days} title={t('lastDays', { days })} summary={summary} />
      ))}
    </>
  );
}
