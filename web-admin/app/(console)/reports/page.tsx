import { getTranslations } from 'next-intl/server';

import { SalesSummary } from '@/components/reports/sales-summary';
import { PageHeader } from '@/components/shell/page-header';
import { request } from '@/lib/graphql';
import { lastDays } from '@/lib/period';

import { ReportsSalesSummaries } from './reports.graphql';

export default async function ReportsPage() {
  const now = new Date();
  const [data, t] = await Promise.all([
    request(ReportsSalesSummaries, {
      from7: lastDays(7, now).from,
      from30: lastDays(30, now).from,
      from90: lastDays(90, now).from,
      to: now.toISOString(),
    }),
    getTranslations('reports'),
  ]);
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
