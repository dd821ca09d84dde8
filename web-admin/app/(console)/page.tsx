import { getTranslations } from 'next-intl/server';

import { SalesSummary } from '@/components/reports/sales-summary';
import { PageHeader } from '@/components/shell/page-header';
import { request } from '@/lib/graphql';
import { lastDays } from '@/lib/period';

import { DashboardSalesSummary } from './dashboard.graphql';

const periodDays = 30;

export default async function DashboardPage() {
  const [{ salesSummary }, t] = await Promise.all([
    request(DashboardSalesSummary, lastDays(periodDays)),
    getTranslations('dashboard'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} />
      <SalesSummary title={t('period', { days: periodDays })} summary={salesSummary} />
    </>
  );
}
