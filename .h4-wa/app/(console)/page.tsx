import { Alert } from 'antd';
import { getTranslations } from 'next-intl/server';

import { SalesSummary } from '@/components/reports/sales-summary';
import { pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { lastDays } from '@/lib/period';
import { getViewer } from '@/lib/viewer';

import { DashboardSalesSummary } from './dashboard.graphql';

const periodDays = 30;

/** Open to all staff; the sales figures only for those holding reports:read. */
export default async function DashboardPage() {
  const [viewer, t] = await Promise.all([getViewer(), getTranslations('dashboard')]);
  const header = <PageHeader title={t('title')} description={t('welcome', { name: viewer.displayName })} />;
  if (!allows(viewer.scopes, 'reports')) {
    return (
      <>
        {header}
        <Alert type="info" showIcon title={t('noFigures')} />
      </>
    );
  }
  const { data, errors } = await request(DashboardSalesSummary, lastDays(periodDays));
  if (!data?.salesSummary) return pageFailure(errors);
  return (
    <>
      {header}
      <SalesSummary title={t('period', { days: periodDays })} summary={data.salesSummary} />
    </>
  );
}
